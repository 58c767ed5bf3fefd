/** `/policies/<server-slug>.json`: the server's starter policy, as the scan stored it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogue, type ServerEntry } from '../../data.ts';
import { prettyJson } from '../../lib/present.ts';

export const getStaticPaths = (() =>
  catalogue().servers.map((entry) => ({ params: { server: entry.result.slug }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: ServerEntry }> = ({ props }) =>
  new Response(prettyJson(props.entry.policy), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
