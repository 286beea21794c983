/**
 * Names and short sentences every face uses (the CLI, the editor's hovers and lenses, the comparison view):
 * one wording each. No imports at run time, so the webview bundle takes them too.
 */
import { type FrontDoor } from '../cost/model.js';

/** A front door as the CLI, the assumptions and the view's list name it. */
export const FRONT_DOOR_LABELS: Record<FrontDoor, string> = {
  'rest-api': 'API Gateway REST API',
  'http-api': 'API Gateway HTTP API',
  'websocket-api': 'API Gateway WebSocket API',
  alb: 'Application Load Balancer',
  'function-url': 'function URL (no charge)',
  none: 'none (invoked by events)',
};

/** When the totals do not cross in the range: which side is cheaper throughout (no final period). */
export function noCrossoverNote(kind: 'lambda-cheaper-throughout' | 'fargate-cheaper-throughout', platformLabel: string): string {
  return kind === 'lambda-cheaper-throughout'
    ? 'Lambda is cheaper up to 100 billion requests a month'
    : `${platformLabel} is cheaper (or equal) from 1,000 requests a month`;
}
