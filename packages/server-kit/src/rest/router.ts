// A tiny method + path-segment router: enough for a dozen routes, no framework underneath.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthContext } from '../options.js';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  auth: AuthContext;
  params: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

export interface Router {
  add(method: string, pattern: string, handler: RouteHandler): Router;
  /** Finds the route for `segments`; `allowed` lists methods of a path that matched another method. */
  match(
    method: string,
    segments: string[],
  ): { handler: RouteHandler; params: Record<string, string> } | { allowed: string[] };
}

export function createRouter(): Router {
  const routes: Route[] = [];
  const matchSegments = (route: Route, segments: string[]): Record<string, string> | undefined => {
    if (route.segments.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (const [i, part] of route.segments.entries()) {
      const actual = segments[i] as string;
      if (part.startsWith(':')) params[part.slice(1)] = actual;
      else if (part !== actual) return undefined;
    }
    return params;
  };
  return {
    add(method, pattern, handler) {
      routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
      return this;
    },
    match(method, segments) {
      const allowed: string[] = [];
      for (const route of routes) {
        const params = matchSegments(route, segments);
        if (!params) continue;
        if (route.method === method || (method === 'HEAD' && route.method === 'GET'))
          return { handler: route.handler, params };
        allowed.push(route.method);
      }
      return { allowed };
    },
  };
}
