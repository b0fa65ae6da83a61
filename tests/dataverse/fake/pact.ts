/** Runs the pact command in-process against the fake Web API, collecting what it prints. */
import { main } from '../../../scripts/cli/main';
import type { CliIo } from '../../../scripts/cli/io';
import type { FakeDataverse } from './server';

export interface PactRun {
    code: number;
    out: string;
    err: string;
}

export async function runPact(fake: FakeDataverse, cwd: string, args: string[]): Promise<PactRun> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
        stderrIsTTY: false,
        cwd,
        // The fake accepts one fixed token: no sign-in.
        dataverseTokens: { token: async () => fake.token }
    };
    const code = await main(args, io);
    return { code, out: out.join(''), err: err.join('') };
}
