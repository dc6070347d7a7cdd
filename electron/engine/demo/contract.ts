/** The demo's reconciliation contract: what an analyst would write for the Orders pair (docs/contract.md). */
import type { ContractInput } from '../../../shared/contract.js';
import { DEMO_PERIOD } from './generate.js';
import { REGION_ZONES, STATUS_MAP } from './catalog.js';

export function demoContract(sources?: { legacy: string; new: string }): ContractInput {
  return {
    version: 1,
    name: 'Orders — legacy ERP vs lakehouse',
    domain: 'Orders',
    steward: 'Finance data steward',
    left: {
      label: 'Legacy ERP · nightly CSV',
      ...(sources ? { source: sources.legacy } : {}),
      // The ERP writes each region's orders in that region's local time.
      timezone: { kind: 'perRow', column: 'REGION', zones: Object.fromEntries(REGION_ZONES) },
    },
    right: {
      label: 'Lakehouse · CDC Parquet',
      ...(sources ? { source: sources.new } : {}),
      timezone: { kind: 'instant' },
    },
    key: [{ left: 'ORDER_ID', right: 'order_id' }],
    columns: [
      'REGION',
      'COUNTRY',
      'PRODUCT',
      'CATEGORY',
      { left: 'ORDER_TS', right: 'order_ts', kind: 'timestamp', toleranceSeconds: 0 },
      { left: 'AMOUNT', right: 'amount', absTol: '0.00' },
      { left: 'QTY', right: 'quantity' },
      'CURRENCY',
      { left: 'STATUS', right: 'status', valueMap: Object.fromEntries(STATUS_MAP) },
    ],
    dimensions: ['REGION', 'PRODUCT', { name: 'month', left: 'ORDER_TS', right: 'order_ts', grain: 'month' }],
    measures: [
      { name: 'orders', fn: 'count' },
      { name: 'revenue', fn: 'sum', left: 'AMOUNT', right: 'amount', absTol: '1.00', relTol: '0.001' },
    ],
    reportingZone: 'UTC',
    timing: { left: 'ORDER_TS', right: 'order_ts', asOf: `${DEMO_PERIOD.end.slice(0, 10)}T00:00:00Z`, window: '6h' },
    slo: { minMatchRate: 0.99 },
  };
}
