// Prints one plain closing line, "N passed, N failed, N skipped", after vitest's own summary, so
// CI logs (and tools that read the last line) get the counts in a fixed form.
//
// "failed" counts failed tests and every failure that belongs to no test: a file that did not
// import or collect, a beforeAll/afterAll (of a file or of a describe block) that threw or timed
// out, and each error vitest caught outside any test (unhandled). A test skipped because its
// beforeAll failed still counts as skipped; the hook counts as the failure. Those non-test failures
// are listed, one per line, just above the count line. A run vitest itself ends as failed never
// prints "0 failed".
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/** What went wrong in a file or suite outside its tests, in a few words. */
function summary(errors: ReadonlyArray<SerializedError>): string {
  const first = errors[0];
  const message = (first?.message ?? String(first ?? 'error')).split('\n')[0]!.slice(0, 160);
  return errors.length > 1 ? `${message} (+${errors.length - 1} more)` : message;
}

export default class CountsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = [], reason?: TestRunEndReason): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const outside: string[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // The file's own errors: import or collection failures and its top-level hooks.
      const fileErrors = module.errors();
      if (fileErrors.length > 0) outside.push(`${module.relativeModuleId}: ${summary(fileErrors)}`);
      // A describe block's errors are its hooks' (a failing test records its error on the test).
      for (const suite of module.children.allSuites()) {
        const suiteErrors = suite.errors();
        if (suiteErrors.length > 0) outside.push(`${module.relativeModuleId} > ${suite.fullName}: ${summary(suiteErrors)}`);
      }
    }
    for (const error of unhandledErrors) outside.push(`unhandled: ${summary([error])}`);
    // Anything else vitest failed the run for (nothing above says what): still a failure.
    if (reason === 'failed' && failed === 0 && outside.length === 0) outside.push('the run failed outside any test (see the output above)');
    failed += outside.length;
    const details = outside.map((line) => `failed outside a test: ${line}\n`).join('');
    process.stdout.write(`\n${details}${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
