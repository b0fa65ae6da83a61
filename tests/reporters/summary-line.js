// Prints the whole run's result as one plain line ("Tests: 12 passed, 0 failed, 1 skipped"),
// the closing line CI reads, after jest's own summary.
class SummaryLineReporter {
    onRunComplete(_contexts, results) {
        const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
        const failed = numFailedTests + numRuntimeErrorTestSuites;
        process.stdout.write(
            `\nTests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`
        );
    }
}

module.exports = SummaryLineReporter;
