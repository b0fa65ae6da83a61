import * as http from 'node:http';
(async () => {
    const server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
            console.log(req.method, req.url, body.slice(0, 300).replace(/\n/g, ' '));
            const json = (x: unknown) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(JSON.stringify(x));
            };
            if (req.url?.startsWith('/services/oauth2/userinfo'))
                return json({
                    preferred_username: 'admin@example.com',
                    organization_id: '00D000000000001AAA',
                    user_id: '005000000000001AAA'
                });
            if (req.url?.includes('/sobjects/User/'))
                return json({ Id: '005000000000001AAA', Username: 'admin@example.com' });
            if (req.url === '/services/data') return json([{ version: '66.0', url: '/services/data/v66.0' }]);
            res.writeHead(404);
            res.end('[]');
        });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const { AuthInfo, Connection } = await import('@salesforce/core');
    const authInfo = await AuthInfo.create({
        accessTokenOptions: { accessToken: '00D000000000001!TOKEN', instanceUrl: url, loginUrl: url }
    });
    const conn = await Connection.create({ authInfo });
    console.log('fields', conn.getAuthInfoFields(), conn.getApiVersion());
    const { ComponentSet } = await import('@salesforce/source-deploy-retrieve');
    const cs = ComponentSet.fromSource('config/demo-legacy-org-blocked');
    try {
        const op = await cs.deploy({ usernameOrConnection: conn });
        console.log('op', op.id);
    } catch (e) {
        console.log('deploy err', (e as Error).message);
    }
    server.close();
    server.closeAllConnections();
})().catch((e) => {
    console.error('ERR', e.message);
    process.exit(1);
});
