/**
 * The formats a starter policy can be downloaded in: JSON (the policy itself),
 * and the scanner's YAML and Cedar renderings of it. Tool and server pages
 * link each one; `writeCatalogueFiles` writes a file per tool and per server in
 * each. A new format is one more entry here.
 */
import { policyCedar, policyYaml } from '../../../scanner/policy/index.ts';
import type { Policy } from '../../../scanner/schemas/index.ts';
import { prettyJson } from './present.ts';

export interface PolicyDownload {
  /** Shown on the button: "Download JSON". */
  label: string;
  /** With the dot. */
  extension: string;
  /** The file's text; `title` says whose policy it is (a comment where the format has them). */
  render: (policy: Policy, title: string) => string;
  /** Site path of a tool's file. */
  toolHref: (server: string, tool: string) => string;
  /** Site path of a server's file. */
  serverHref: (server: string) => string;
}

export const POLICY_DOWNLOADS: readonly PolicyDownload[] = [
  {
    label: 'JSON',
    extension: '.json',
    render: prettyJson,
    toolHref: (server, tool) => `/policies/${server}/${tool}.json`,
    serverHref: (server) => `/policies/${server}.json`,
  },
  {
    label: 'YAML',
    extension: '.yaml',
    render: (policy, title) => policyYaml(policy, { title }),
    toolHref: (server, tool) => `/policies/${server}/${tool}.yaml`,
    serverHref: (server) => `/policies/${server}.yaml`,
  },
  {
    label: 'Cedar',
    extension: '.cedar',
    render: (policy, title) => policyCedar(policy, { title }),
    toolHref: (server, tool) => `/policies/${server}/${tool}.cedar`,
    serverHref: (server) => `/policies/${server}.cedar`,
  },
];
