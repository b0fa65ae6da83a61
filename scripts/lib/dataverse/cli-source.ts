/**
 * `--dataverse URL` and `--dataverse-solution FILE.zip` for the audit and block commands: signs in
 * (sign-in.ts, cached per environment) and reads the environment, or reads an exported solution zip,
 * into the audit's common model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OrgModel } from '../metadata/model';
import { PactRunError } from '../salesforce/connection';
import { DataverseClient, DataverseError, environmentUrl, type TokenSource } from './client';
import { readDataverseEnvironment, readDataverseSolution } from './audit-reader';
import { signIn } from './sign-in';

export interface DataverseSourceOptions {
    dataverse?: string;
    'dataverse-solution'?: string;
    tenant?: string;
    'client-id'?: string;
    'client-credentials'?: boolean;
}

export interface DataverseSourceIo {
    cwd: string;
    stdout: (text: string) => void;
    dataverseTokens?: TokenSource;
}

/** A signed-in client for --dataverse URL (the tests hand in a token for the local fake Web API). */
export function dataverseClient(options: DataverseSourceOptions, io: DataverseSourceIo): DataverseClient {
    let url: string;
    try {
        url = environmentUrl(String(options.dataverse));
    } catch (error) {
        throw new PactRunError((error as Error).message, 'input');
    }
    const tokens =
        io.dataverseTokens ??
        signIn({
            url,
            tenant: options.tenant,
            clientId: options['client-id'],
            clientCredentials: options['client-credentials'],
            say: (line) => io.stdout(`${line}\n`)
        });
    return new DataverseClient({ url, tokens });
}

/** The model of the Dataverse source the options name, or undefined when they name none. */
export async function loadDataverseModel(
    options: DataverseSourceOptions,
    io: DataverseSourceIo,
    onProgress: (message: string) => void = () => undefined
): Promise<{ model: OrgModel; description: string } | undefined> {
    const zipFile = options['dataverse-solution'];
    if (zipFile) {
        const absolute = path.resolve(io.cwd, zipFile);
        if (!fs.existsSync(absolute)) throw new PactRunError(`cannot read ${zipFile}: no such file`, 'input');
        try {
            const model = await readDataverseSolution(fs.readFileSync(absolute), zipFile);
            return { model, description: `${zipFile} (Dataverse solution)` };
        } catch (error) {
            throw new PactRunError(`cannot read ${zipFile}: ${(error as Error).message}`, 'input');
        }
    }
    if (!options.dataverse) return undefined;
    const client = dataverseClient(options, io);
    try {
        const { model, stats } = await readDataverseEnvironment(client, onProgress);
        return { model, description: `Dataverse ${client.url} (${stats.calls} Web API calls)` };
    } catch (error) {
        if (error instanceof DataverseError)
            throw new PactRunError(
                error.message,
                error.status === 401 ? 'auth' : error.status === 429 ? 'limit' : 'server'
            );
        throw error;
    }
}
