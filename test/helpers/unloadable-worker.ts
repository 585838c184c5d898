/** A worker module for test/worker-threads.test.ts that fails as it loads. */
throw new Error('this worker module cannot load');
