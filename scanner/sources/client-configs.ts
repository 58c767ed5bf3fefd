/**
 * Where MCP clients keep their server configurations, per client and scope.
 * Paths for Linux, macOS and Windows are all looked at; a file that does not
 * exist is simply not there.
 */
import { join } from 'node:path';
import type { Client } from '../schemas/index.ts';

/** One configuration file to read. */
export interface ConfigLocation {
  client: Client;
  file: string;
  scope: 'user' | 'project';
  /** The project folder, for project-scoped files. */
  project?: string;
  /**
   * How servers are found in the file:
   * `mcpServers` (most clients), `servers` (VS Code `mcp.json`), `vscode-settings`
   * (`mcp.servers` in VS Code settings), `claude-code` (`mcpServers` at the top and per project).
   */
  layout: 'mcpServers' | 'servers' | 'vscode-settings' | 'claude-code';
}

export interface LocationOptions {
  /** The user's home folder. */
  home: string;
  /** The project whose project-level configurations are read. */
  cwd: string;
  /** Windows `%APPDATA%`, when set. */
  appData?: string;
}

/** Every configuration file the supported clients may use. */
export function configLocations({ home, cwd, appData }: LocationOptions): ConfigLocation[] {
  const userDirs = (linux: string, mac: string, win: string) => [
    join(home, '.config', linux),
    join(home, 'Library', 'Application Support', mac),
    ...(appData ? [join(appData, win)] : []),
  ];
  const locations: ConfigLocation[] = [];
  const user = (client: Client, file: string, layout: ConfigLocation['layout']) => locations.push({ client, file, scope: 'user', layout });
  const project = (client: Client, file: string, layout: ConfigLocation['layout']) =>
    locations.push({ client, file: join(cwd, file), scope: 'project', project: cwd, layout });

  for (const dir of userDirs('Claude', 'Claude', 'Claude')) user('claude-desktop', join(dir, 'claude_desktop_config.json'), 'mcpServers');
  user('claude-code', join(home, '.claude.json'), 'claude-code');
  project('claude-code', '.mcp.json', 'mcpServers');
  user('cursor', join(home, '.cursor', 'mcp.json'), 'mcpServers');
  project('cursor', join('.cursor', 'mcp.json'), 'mcpServers');
  for (const edition of ['Code', 'Code - Insiders']) {
    for (const dir of userDirs(join(edition, 'User'), join(edition, 'User'), join(edition, 'User'))) {
      user('vscode', join(dir, 'mcp.json'), 'servers');
      user('vscode', join(dir, 'settings.json'), 'vscode-settings');
    }
  }
  project('vscode', join('.vscode', 'mcp.json'), 'servers');
  project('vscode', join('.vscode', 'settings.json'), 'vscode-settings');
  user('windsurf', join(home, '.codeium', 'windsurf', 'mcp_config.json'), 'mcpServers');
  user('gemini-cli', join(home, '.gemini', 'settings.json'), 'mcpServers');
  project('gemini-cli', join('.gemini', 'settings.json'), 'mcpServers');
  return locations;
}
