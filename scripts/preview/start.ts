/**
 * npm start: the local preview of PACT. Options: --port N (or PORT=N), default 3000.
 * PACT_PREVIEW_STORE=file keeps the records elsewhere than .preview-data/store.json (the browser
 * tests use a temporary file, so a developer's preview data is never touched).
 */
import * as path from 'node:path';
import { startPreviewServer } from './server';

function portFromArgs(argv: string[]): number {
    const index = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
    const raw = index < 0 ? process.env.PORT : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
    if (raw === undefined || raw === '') return 3000;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`"${raw}" is not a port number. Use --port 3000 or PORT=3000.`);
        process.exit(2);
    }
    return port;
}

async function main() {
    const started = Date.now();
    const repoDir = path.resolve(__dirname, '..', '..');
    const port = portFromArgs(process.argv.slice(2));
    let preview;
    try {
        preview = await startPreviewServer({
            repoDir,
            port,
            storeFile: process.env.PACT_PREVIEW_STORE || undefined,
            log: (line) => console.log(line)
        });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            console.error(
                `Port ${port} is already in use. Stop what runs there, or start on another port: npm start -- --port ${port + 1}`
            );
            process.exit(1);
        }
        // E.g. sample data that is not valid JSON: say which file, without a stack trace.
        console.error(`The preview could not start: ${(error as Error).message}`);
        process.exit(1);
    }
    console.log(`PACT preview: ${preview.url}  (building the components...)`);
    try {
        const build = await preview.ready;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
            `Ready in ${seconds} s: ${build.components.length} components${build.fromCache ? ' (cached build)' : ''}. Open ${preview.url}`
        );
        for (const skipped of build.skipped) console.warn(`Not in this build: ${skipped.name}: ${skipped.reason}`);
        if (build.missingLabels.length)
            console.warn(`Labels missing from force-app (shown by name): ${build.missingLabels.join(', ')}`);
    } catch (error) {
        console.error(`The component build failed: ${(error as Error).message}`);
    }
    const stop = () => {
        void preview.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

void main();
