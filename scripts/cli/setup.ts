export async function setup(_a: string[], _io: unknown): Promise<number> {
    return 2;
}
