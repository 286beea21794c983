// The editor face is being written; this entry only keeps the bundle building.
export function activate(): void {}
export function deactivate(): void {}
