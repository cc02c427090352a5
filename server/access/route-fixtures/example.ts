/** Fixtures for the route-permission walk; see README.md here. */
export const publicRoutes: string[] = [];
export const validBodies: Record<string, unknown> = {};
