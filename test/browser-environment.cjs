// Node's test environment, telling the browser tests' afterEach whether the
// test that just ran failed: test/support/browser.ts then saves what each
// page still open showed, for a failure in CI to be understood from its log.
const { TestEnvironment } = require('jest-environment-node');

class BrowserTestEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__failedBrowserTest = undefined;
    if (event.name === 'test_fn_failure') this.global.__failedBrowserTest = event.test.name;
  }
}

module.exports = BrowserTestEnvironment;
