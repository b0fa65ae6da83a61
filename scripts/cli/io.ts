/** What a command may touch: output streams, the working directory, and how to reach an org. */
import * as path from 'node:path';
import type { OrgConnection, RetryPolicy } from '../lib/salesforce/connection';
import type { TokenSource } from '../lib/dataverse/client';

export interface CliIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Progress lines only go to a terminal, never into a log or a pipe. */
    stderrIsTTY: boolean;
    cwd: string;
    /** Overrides the Salesforce CLI login (tests inject a token for a local fake org). */
    connect?: (alias: string) => Promise<OrgConnection>;
    /** Overrides the Dataverse sign-in (tests pass a token for a local fake Web API). */
    dataverseTokens?: TokenSource;
    retry?: RetryPolicy;
    pollIntervalMs?: number;
}

export const EXIT = Object.freeze({ clean: 0, findings: 1, failed: 2 });

/** The repository root: two levels above scripts/cli. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function processIo(): CliIo {
    return {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        stderrIsTTY: Boolean(process.stderr.isTTY),
        cwd: process.cwd()
    };
}

const FRAMES = ['|', '/', '-', '\\'];

/** A one-line spinner with the current step, redrawn in place on a terminal; silent otherwise. */
export function progress(io: CliIo) {
    let frame = 0;
    let shown = false;
    return {
        update(message: string) {
            if (!io.stderrIsTTY) return;
            io.stderr(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${message}`);
            shown = true;
        },
        done() {
            if (shown) io.stderr('\r\x1b[2K');
            shown = false;
        }
    };
}
