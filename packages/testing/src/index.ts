// Test support: throwaway databases, test environments, child processes and (later) fake servers of the five services.
export { createTestDatabase, testEnv, ADMIN_DATABASE_URL, TEST_REDIS_URL, type TestDatabase } from './database.ts';
export { startProcess, REPO_ROOT, type ServiceProcess } from './processes.ts';
export { startLocalServer, loopbackOnlyConnector, type LocalServer, type ReceivedRequest, type Handler } from './local-server.ts';
export { startCountingServer, type CountingServer } from './counting-server.ts';
export { TESTING_APPS_MODULE, apps as testingApps } from './apps.ts';
export { startStack, freePort, StackClient, until, type Stack } from './stack.ts';
export { startFeedServer, type FeedServer, type FeedItem } from './feed-server.ts';
export { demoFakes, demoOutboundAllow } from './fakes/serve.ts';
