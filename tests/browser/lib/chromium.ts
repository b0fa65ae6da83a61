/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser) and keeps
 * screenshots in test-artifacts/ (git-ignored). Every browser test uses this.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => Boolean(p)
);

export const ARTIFACTS_DIR = path.resolve(__dirname, '../../../test-artifacts');

export function chromiumPath(): string {
    const found = CANDIDATES.find((p) => existsSync(p));
    if (!found) {
        throw new Error(
            'Chromium not found. Install Debian\'s browser with "apt-get install -y chromium" (or set CHROMIUM_PATH); .ci/run does this on a fresh machine.'
        );
    }
    return found;
}

export async function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: chromiumPath(),
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run'
        ]
    });
}

/** Path for a screenshot in the artifacts folder, creating the folder on first use. */
export function artifactPath(name: string): string {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    return path.join(ARTIFACTS_DIR, name);
}
