/**
 * What the editor says in its notifications, pickers and report titles: the sentences of the editor's own
 * commands (saving traffic to the usage file, choosing a workload, the cost change against HEAD), beside the
 * lens, hover and view wording (cost.ts, view.ts) and the command line's (cost-text.ts). Plain text: the
 * extension passes what comes from files through `notificationText` before it is shown.
 */

/** A reason as the sentence's end: with one full stop. */
const ending = (reason: string) => (/[.!?]$/.test(reason) ? reason : `${reason}.`);

export const EDITOR_TEXT = {
  usageOutsideFolder: 'Crossover keeps usage files in workspace folders; this file is not in one.',
  trafficNotSaved: (id: string, where: string, reason: string) => `Crossover did not save the traffic of ${id} to ${where}: ${ending(reason)}`,
  usageChangedMeanwhile: (where: string) => `Crossover could not edit ${where}; it changed while the traffic was being saved. Try again.`,
  trafficSaved: (id: string, where: string, inEditor: boolean) => `Saved the traffic of ${id} to ${where}${inEditor ? ' (unsaved, in its editor)' : ''}.`,
  entryNotAdded: (id: string | undefined, where: string, reason: string) => `Crossover did not add ${id ?? 'an entry'} to ${where}: ${reason}`,
  noFunctions: 'Crossover has found no Lambda functions in the workspace yet.',
  pickFunction: 'Which function?',
  noWorkloads: 'Crossover has found no Lambda functions or ECS tasks in the workspace yet.',
  pickWorkload: 'Which workload?',
  pickInstance: 'Which instance?',
  changeNeedsAFile: 'Crossover: open a template, serverless.yml, task definition or CDK file to compare it with its last commit.',
  gitFailed: (message: string) => `Crossover: git: ${message}`,
  changeNotATemplate: (path: string) => `Crossover: ${path} is not a template Crossover reads (SAM, CloudFormation, serverless.yml, task definition, CDK app).`,
  changeNotInGit: (path: string) => `Crossover: ${path} is not in a git repository with a commit.`,
  changeTitle: (path: string) => `Cost change of ${path} against HEAD`,
  changeNewFile: 'This file is not in HEAD yet: everything in it is new.',
} as const;
