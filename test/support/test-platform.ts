// A compute platform that exists only in the tests: a flat-priced "test VM" ($250 a month whatever the traffic).
// Registered for a test (registerPlatform), it shows what a new platform reaches without touching src/.
import { type Platform } from '../../src/core/cost/platforms/index.js';

export const TEST_VM_MONTHLY_USD = 250;

export const testVm: Platform = {
  id: 'test-vm',
  label: 'Test VM',
  cost: () => ({
    platform: 'test-vm',
    monthlyUsd: TEST_VM_MONTHLY_USD,
    parts: [{ key: 'instance', label: 'Instance', usd: TEST_VM_MONTHLY_USD }],
    deployment: { units: 1, unit: 'always-on VM', why: 'fixed' },
    priceKeys: [],
  }),
  curve: () => ({ total: () => TEST_VM_MONTHLY_USD, bends: [] }),
  assumptions: () => [{ name: 'Instance', value: 'one always-on VM, flat price' }],
};
