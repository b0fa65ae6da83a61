/**
 * One audit of a folder, as pact audit runs it (read, judge, render text, JSON and HTML), in its own
 * process so that its peak memory is its own. Prints one JSON line: milliseconds and peak RSS.
 */
import { auditOrg, findingJson } from '../../../scripts/lib/audit';
import { renderHtml } from '../../../scripts/lib/audit/report-html';
import { renderText } from '../../../scripts/lib/audit/report-text';
import { readMetadataDir } from '../../../scripts/lib/metadata/mdapi-reader';

const dir = process.argv[2];
const started = process.hrtime.bigint();
const { model } = readMetadataDir(dir);
const read = Number(process.hrtime.bigint() - started) / 1e6;
const result = auditOrg(model);
const options = { description: 'bench', commandTarget: `--source-dir ${dir}` };
const text = renderText(model, result, options);
const html = renderHtml(model, result, options);
const json = JSON.stringify(result.findings.map(findingJson));
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage();
console.log(
    JSON.stringify({
        ms: Math.round(ms),
        // CPU time is the steadier figure on a shared machine, where wall time depends on the neighbours.
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        readMs: Math.round(read),
        maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        findings: result.findings.length,
        outputBytes: text.length + html.length + json.length
    })
);
