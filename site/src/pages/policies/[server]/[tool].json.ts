/** `/policies/<server-slug>/<tool-slug>.json`: one tool's starter policy. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogue, type ToolEntry } from '../../../data.ts';
import { prettyJson } from '../../../lib/present.ts';
import { toolPolicy } from '../../../../../scanner/policy/index.ts';

export const getStaticPaths = (() =>
  catalogue().tools.map((entry) => ({
    params: { server: entry.server.result.slug, tool: entry.tool.slug },
    props: { entry },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ToolEntry }> = ({ props }) =>
  new Response(prettyJson(toolPolicy(props.entry.tool)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
