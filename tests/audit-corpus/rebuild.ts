/**
 * Rebuilds the labelled audit corpus: fetches, for each org in manifest.json, only the metadata
 * folders the audit reads, from its public GitHub repository at the recorded commit, into
 * test-artifacts/audit-corpus/<id>/ (git-ignored; PACT_AUDIT_CORPUS overrides it). The repositories
 * carry no licence, so their files are never committed: this script is how the corpus is shared.
 *
 *   npx tsx tests/audit-corpus/rebuild.ts                  clone from github.com (needs the network)
 *   npx tsx tests/audit-corpus/rebuild.ts --mirror DIR     read local clones DIR/<owner>+<name>[/repo]
 *   npx tsx tests/audit-corpus/rebuild.ts --only ita,gusto
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_DIR, CorpusSource, isPresent, readManifest } from './corpus';

function run(command: string, args: string[], options: { cwd?: string; input?: Buffer } = {}): Buffer {
    const result = spawnSync(command, args, { cwd: options.cwd, input: options.input, maxBuffer: 1 << 30 });
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr?.toString().trim() ?? result.error}`);
    }
    return result.stdout;
}

/** A local clone's git directory: DIR/owner+name/repo(.git) or DIR/owner+name(.git). */
function mirrorGitDir(mirror: string, repository: string): string {
    const base = path.join(mirror, repository.replace('/', '+'));
    const candidates = [path.join(base, 'repo', '.git'), path.join(base, 'repo'), path.join(base, '.git'), base];
    const found = candidates.find((c) => fs.existsSync(path.join(c, 'HEAD')) || fs.existsSync(path.join(c, 'objects')));
    if (!found) throw new Error(`no local clone of ${repository} under ${mirror}`);
    return found;
}

/** Writes the source's folders at its commit into `target`, from a git directory. */
function extract(gitDir: string, source: CorpusSource, target: string): void {
    const present = run('git', ['--git-dir', gitDir, 'ls-tree', '--name-only', source.commit, '--', ...source.paths])
        .toString()
        .split('\n')
        .filter(Boolean);
    if (present.length === 0)
        throw new Error(`${source.repository}@${source.commit} has none of ${source.paths.join(', ')}`);
    const tar = run('git', ['--git-dir', gitDir, 'archive', '--format=tar', source.commit, '--', ...present]);
    fs.mkdirSync(target, { recursive: true });
    run('tar', ['-x', '-C', target], { input: tar });
}

function cloneFromGitHub(source: CorpusSource, scratch: string): string {
    const dir = path.join(scratch, source.id);
    // Blobless and sparse: only the folders the audit reads are downloaded.
    run('git', [
        'clone',
        '--filter=blob:none',
        '--no-checkout',
        '--quiet',
        `https://github.com/${source.repository}.git`,
        dir
    ]);
    run('git', ['-C', dir, 'sparse-checkout', 'set', '--no-cone', ...source.paths.map((p) => `/${p}/`)]);
    run('git', ['-C', dir, 'checkout', '--quiet', source.commit]);
    return path.join(dir, '.git');
}

function main(): void {
    const { values } = parseArgs({
        options: { mirror: { type: 'string' }, only: { type: 'string' }, force: { type: 'boolean', default: false } },
        strict: true
    });
    const only = values.only ? new Set(values.only.split(',')) : undefined;
    const manifest = readManifest();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-corpus-'));
    try {
        for (const source of manifest.sources.filter((s) => !only || only.has(s.id))) {
            const target = path.join(CORPUS_DIR, source.id);
            if (isPresent(source) && !values.force) {
                console.log(`${source.id}: present in ${target}`);
                continue;
            }
            fs.rmSync(target, { recursive: true, force: true });
            const gitDir = values.mirror
                ? mirrorGitDir(values.mirror, source.repository)
                : cloneFromGitHub(source, scratch);
            extract(gitDir, source, target);
            console.log(`${source.id}: ${source.repository}@${source.commit.slice(0, 10)} -> ${target}`);
        }
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

main();
