/**
 * Verb lexicons: which capability a verb implies, in English (names and
 * descriptions) and in Portuguese, Spanish, French, German and Chinese
 * (mostly descriptions, some names).
 *
 * Words are stored folded (lowercase, no accents; see `fold`). A verb may be
 * marked:
 * - `weak`: it suggests a change but a tool that says it is read-only may well
 *   be right (`trigger`, `start`, `clear`);
 * - `noun`: it is just as often a noun (`post`, `commit`, `run`, `log`), so in a
 *   name it counts only as the first word or when no other verb is present
 *   (`get_commit` reads, `git_commit` writes).
 */
import type { Category } from '../schemas/result.ts';
import { fold } from './text.ts';

/** What the lexicon knows about one verb. */
export interface VerbEntry {
  /** The capability the verb implies. */
  category: Category;
  /** A change the tool's own read-only claim may override. */
  weak?: boolean;
  /** Also a common noun: counts in a name only as the first word or the only verb. */
  noun?: boolean;
}

/** One lexicon line: words (space-separated) and what they mean. */
type Line = [words: string, category: Category, flags?: 'weak' | 'noun' | 'weak noun'];

// English base forms. Inflected forms in descriptions ("Creates", "Deleting")
// are found through `lookupInflected`.
const ENGLISH: Line[] = [
  ['get read list search find fetch retrieve lookup look describe inspect browse', 'read'],
  ['download validate verify analyze analyse calculate compute summarize summarise explain geocode', 'read'],
  // Text rewritten and handed back, as a translation is: "Rephrase text in the same language".
  ['rephrase paraphrase reword', 'read'],
  // "Infers seed rules from schema metadata": worked out and returned.
  ['infer', 'read'],
  // "Ask the user to choose one option", "Ask a question about the docs": an answer comes back.
  ['ask', 'read'],
  ['peek discover explore load echo ping estimate compare translate parse extract dump crawl scrape', 'read'],
  ['return display see filter grep stat poll recommend suggest predict classify detect rank diagnose', 'read'],
  ['identify locate obtain provide count is has exists contains await wait render convert encode decode', 'read'],
  // "Introspect the GraphQL schema", "Observe the current page state": looked at and reported.
  ['introspect observe', 'read'],
  // "Transcribe audio", `transcribe`: speech turned into text and returned.
  ['transcribe', 'read'],
  ['show view export check preview scan diff print watch monitor test tail query audit research reason access', 'read', 'noun'],

  ['create add insert append modify change set put write save store send publish', 'write'],
  ['forward notify invite assign unassign rename duplicate clone fork follow unfollow', 'write'],
  ['subscribe unsubscribe register enroll reschedule unschedule reopen unlock enable disable toggle', 'write'],
  ['activate deactivate unarchive restore sync mark submit configure init initialize', 'write'],
  // One word, "setup" is mostly a noun ("setup status", "setup guide"); the verb is "set up".
  ['setup', 'write', 'noun'],
  ['disconnect login logout authorize grant navigate click fill drag upsert unpin attach', 'write'],
  ['detach resize stop pause resume restart reboot manage respond emit broadcast rollback', 'write'],
  ['approve reject dismiss mute unmute hide unhide star unstar vote tweet retweet draft', 'write'],
  ['update edit patch upload post share reply comment tag label move copy merge commit', 'write', 'noun'],
  ['push pull schedule cancel close lock archive backup import flag pin record log checkout', 'write', 'noun'],
  ['track request type press message email apply link transfer swap release revert', 'write', 'noun'],
  ['sign react rate replace place claim', 'write', 'noun'],
  ['confirm redeem rebuild recreate', 'write'],
  // "Alters an existing view definition", `alter_table`: SQL's word for change.
  ['alter', 'write'],
  // "Rolls back an active transaction": only with "back" does it say much (see the rollback rule).
  ['roll', 'write', 'noun'],
  // Taking back an approval: "Remove approval from a pull request" (the request stays).
  ['unapprove', 'write'],
  // Deploying again builds and runs the code again, as deploying does.
  ['redeploy', 'execute'],
  // Acting on a claim, a plan or a record already there: "Accept a payment dispute", "Upgrade a subscription",
  // "Ingest events", "Rerequest a check".
  ['accept ingest rerequest resend', 'write'],
  // As often nouns: "Get usage tips and upgrade info", "the upgrade path".
  ['upgrade downgrade', 'write', 'noun'],
  // Touch input on a device, as a click is on a page: "Tap on the device at the given coordinates".
  ['tap swipe', 'write'],
  // A form's box ticked off: "Check or uncheck a checkbox".
  ['uncheck untick', 'write'],
  // "Rotate the API key": a new secret replaces the old one.
  ['rotate', 'write'],
  // "Reverse a transaction"; as often an adjective (`reverse_geocode`, `chargeback_reverse` among filter values).
  ['reverse', 'write', 'noun'],
  // Reorganising records: what they hold stays (`REORGANISING_VERBS`).
  ['unsplit ungroup', 'write'],
  ['split', 'write', 'noun'],
  // Weak, and as often nouns after a name's verb: `list_usage_triggers`, `fetch_connect_app`.
  ['trigger start connect select hover scroll', 'write', 'weak noun'],
  ['call process', 'write', 'weak noun'],

  ['execute eval invoke spawn compile interpret rerun reinstall', 'execute'],
  ['run exec deploy build install shell script', 'execute', 'noun'],
  ['evaluate launch', 'execute', 'weak'],

  ['delete remove rm del destroy purge erase wipe truncate kill terminate revoke uninstall', 'destructive'],
  ['unlink overwrite discard evict expunge shred nuke obliterate cleanup prune decommission deprovision', 'destructive'],
  ['reimage', 'destructive'],
  ['drop empty clean void', 'destructive', 'noun'],
  ['clear reset flush', 'destructive', 'weak'],

  ['withdraw donate wager reimburse remit recharge', 'financial'],
  // As often the noun of a setting (`billing_auto_topup_get`, "top-up settings"): a verb only first or alone (`credits_topup`).
  ['topup', 'financial', 'noun'],
  // `checkout` is git's verb as often as a shop's: as a verb it is a write (above); as a noun it is money (MONEY_NOUNS).
  ['pay buy sell charge refund purchase deposit tip bill invoice payout trade bet', 'financial', 'noun'],
];

// Other languages: infinitives (as names use them) and the present-tense forms
// descriptions start with ("Pesquisa…", "Devuelve…", "Récupère…", "Löscht…").
const OTHER: Line[] = [
  // Portuguese
  ['pesquisa pesquisar busca buscar obtem obter devolve devolver retorna retornar lista listar', 'read'],
  ['consulta consultar mostra mostrar ler recupera recuperar encontra encontrar procura procurar', 'read'],
  ['verifica verificar calcula calcular', 'read'],
  ['cria criar adiciona adicionar atualiza atualizar altera alterar modifica modificar guarda', 'write'],
  ['guardar salva salvar grava gravar escreve escrever envia enviar publica publicar regista', 'write'],
  ['registar registra registrar agenda agendar edita editar cancela cancelar reserva reservar', 'write'],
  ['apaga apagar exclui excluir remove remover elimina eliminar deleta deletar', 'destructive'],
  ['executa executar', 'execute'],
  ['paga pagar cobra cobrar reembolsa reembolsar compra comprar transfere transferir', 'financial'],
  // Spanish
  ['obtiene obtener devuelve lee leer encuentra muestra', 'read'],
  ['crea crear agrega agregar anade anadir actualiza actualizar escribe escribir envia', 'write'],
  ['publica registra modifica guarda', 'write'],
  ['borra borrar suprime suprimir', 'destructive'],
  ['ejecuta ejecutar', 'execute'],
  ['transfiere', 'financial'],
  // French
  ['recupere recuperer renvoie renvoyer retourne retourner recherche rechercher cherche chercher', 'read'],
  ['liste lister obtient obtenir affiche afficher lit lire consulte consulter trouve trouver', 'read'],
  ['cree creer ajoute ajouter modifie modifier enregistre enregistrer ecrit ecrire envoie', 'write'],
  ['envoyer publie publier', 'write'],
  ['supprime supprimer efface effacer', 'destructive'],
  ['execute executer', 'execute'],
  ['paie paye payer rembourse rembourser achete acheter', 'financial'],
  // German
  ['sucht suchen liefert liefern gibt listet auflisten zeigt zeigen liest lesen ruft abrufen', 'read'],
  ['holt holen ermittelt ermitteln findet finden', 'read'],
  ['erstellt erstellen legt anlegen aktualisiert aktualisieren andert andern setzt setzen', 'write'],
  ['schreibt schreiben speichert speichern sendet senden schickt schicken verschickt', 'write'],
  ['loscht loschen entfernt entfernen', 'destructive'],
  ['bezahlt bezahlen zahlt zahlen uberweist uberweisen', 'financial'],
  ['startet', 'write', 'weak'],
];

/**
 * Chinese verbs, matched at the start of a description (Chinese has no spaces
 * between words), longest first.
 */
export const CJK_VERBS: readonly (readonly [string, Category])[] = (
  [
    ['获取', 'read'], ['查询', 'read'], ['搜索', 'read'], ['检索', 'read'], ['列出', 'read'],
    ['读取', 'read'], ['查看', 'read'], ['返回', 'read'], ['查找', 'read'], ['显示', 'read'],
    ['下载', 'read'], ['统计', 'read'], ['分析', 'read'], ['获得', 'read'], ['列举', 'read'],
    ['计算', 'read'], ['编码', 'read'], ['解析', 'read'], ['识别', 'read'], ['翻译', 'read'], ['转换', 'read'],
    // Locating and measuring: "定位 IP 的所在位置" (locates an IP address), "测量两个坐标之间的距离" (measures a distance).
    ['定位', 'read'], ['测量', 'read'],
    // "根据人数直接推荐适合的菜品组合" (recommends dishes for a number of people).
    ['推荐', 'read'],
    ['管理', 'write'],
    ['创建', 'write'], ['新建', 'write'], ['添加', 'write'], ['新增', 'write'], ['更新', 'write'],
    ['修改', 'write'], ['编辑', 'write'], ['设置', 'write'], ['写入', 'write'], ['上传', 'write'],
    ['保存', 'write'], ['发送', 'write'], ['发布', 'write'], ['提交', 'write'],
    ['删除', 'destructive'], ['移除', 'destructive'], ['清空', 'destructive'], ['清除', 'destructive'],
    ['销毁', 'destructive'],
    ['执行', 'execute'], ['运行', 'execute'],
    ['支付', 'financial'], ['付款', 'financial'], ['转账', 'financial'], ['退款', 'financial'],
    ['购买', 'financial'], ['下单', 'financial'],
  ] as const
).slice();

/**
 * Japanese verbs, matched at the end of a sentence (Japanese puts the verb last): a
 * Sino-Japanese noun followed by する ("メッセージを取得します" = "gets messages").
 */
export const JA_VERBS: ReadonlyMap<string, Category> = new Map<string, Category>([
  ['取得', 'read'], ['検索', 'read'], ['確認', 'read'], ['表示', 'read'], ['参照', 'read'], ['閲覧', 'read'],
  ['作成', 'write'], ['追加', 'write'], ['変更', 'write'], ['更新', 'write'], ['編集', 'write'], ['設定', 'write'],
  ['投稿', 'write'], ['送信', 'write'], ['登録', 'write'], ['承認', 'write'], ['拒否', 'write'], ['退席', 'write'],
  ['削除', 'destructive'], ['消去', 'destructive'],
  ['実行', 'execute'],
  ['支払', 'financial'], ['決済', 'financial'], ['返金', 'financial'], ['購入', 'financial'],
]);

/**
 * Korean verbs, matched at the end of a sentence (Korean, too, puts the verb last): a
 * Sino-Korean noun or a loanword followed by 하다 ("상세 정보를 조회합니다" = "looks up the details").
 */
export const KO_VERBS: ReadonlyMap<string, Category> = new Map<string, Category>([
  ['조회', 'read'], ['검색', 'read'], ['확인', 'read'], ['표시', 'read'], ['분석', 'read'], ['추천', 'read'],
  ['계산', 'read'], ['요약', 'read'], ['번역', 'read'], ['반환', 'read'], ['나열', 'read'], ['열람', 'read'],
  ['탐색', 'read'], ['비교', 'read'], ['검증', 'read'], ['출력', 'read'], ['다운로드', 'read'],
  ['생성', 'write'], ['추가', 'write'], ['수정', 'write'], ['변경', 'write'], ['업데이트', 'write'], ['편집', 'write'],
  ['설정', 'write'], ['등록', 'write'], ['전송', 'write'], ['발송', 'write'], ['게시', 'write'], ['저장', 'write'],
  ['설치', 'write'], ['업로드', 'write'], ['예약', 'write'], ['승인', 'write'], ['거절', 'write'], ['초대', 'write'],
  ['이동', 'write'], ['복사', 'write'], ['작성', 'write'],
  ['삭제', 'destructive'], ['제거', 'destructive'],
  ['실행', 'execute'],
  ['결제', 'financial'], ['송금', 'financial'], ['환불', 'financial'], ['구매', 'financial'], ['이체', 'financial'],
]);

/** Leading filler a Chinese description may start with before its verb ("用于获取…" = "used to get…"). */
export const CJK_FILLERS: readonly string[] = ['此工具', '该工具', '这个工具', '本工具', '工具', '用于', '用来', '可以', '可', '将', '从'];

/** HTTP methods, as catch-all `method` enums spell them. */
const HTTP: Line[] = [
  ['head options', 'read'],
];

function build(lines: readonly Line[]): Map<string, VerbEntry> {
  const map = new Map<string, VerbEntry>();
  for (const [words, category, flags] of lines) {
    const entry: VerbEntry = { category };
    if (flags?.includes('weak')) entry.weak = true;
    if (flags?.includes('noun')) entry.noun = true;
    for (const w of words.split(' ')) if (w && !map.has(fold(w))) map.set(fold(w), entry);
  }
  return map;
}

const LEXICON = build([...ENGLISH, ...OTHER]);
const ENUM_LEXICON = build([...ENGLISH, ...OTHER, ...HTTP]);

/** The lexicon entry for an exact (already folded) word, as names use verbs. */
export function lookupVerb(word: string): VerbEntry | undefined {
  return LEXICON.get(word);
}

/** Like `lookupVerb`, also knowing HTTP methods (`GET`, `POST`, `DELETE`…) for catch-all enums. */
export function lookupEnumVerb(word: string): VerbEntry | undefined {
  return ENUM_LEXICON.get(word);
}

/** How an English verb was inflected, so that coordinated verbs can be matched in kind. */
export type Form = 'base' | 's' | 'ing' | 'ed';

/** The lexicon entry of a candidate base form, with the form it was found in. */
function hit(base: string, form: Form): { base: string; entry: VerbEntry; form: Form } | undefined {
  const entry = LEXICON.get(base);
  return entry ? { base, entry, form } : undefined;
}

/**
 * The lexicon entry for a word as descriptions inflect it ("Creates",
 * "Fetches", "Queries", "Deleting", "Running", "Stored"), with its form.
 */
export function lookupInflected(word: string): { base: string; entry: VerbEntry; form: Form } | undefined {
  const w = word;
  const exact = hit(w, 'base');
  if (exact) return exact;
  if (w.length < 4) return undefined;
  if (w.endsWith('ies')) return hit(w.slice(0, -3) + 'y', 's');
  if (w.endsWith('es')) return hit(w.slice(0, -2), 's') ?? hit(w.slice(0, -1), 's');
  if (w.endsWith('s') && !w.endsWith('ss')) return hit(w.slice(0, -1), 's');
  if (w.endsWith('ing') && w.length > 5) {
    const stem = w.slice(0, -3);
    const undoubled = stem.length > 2 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : undefined;
    return hit(stem, 'ing') ?? hit(stem + 'e', 'ing') ?? (undoubled ? hit(undoubled, 'ing') : undefined);
  }
  if (w.endsWith('ied')) return hit(w.slice(0, -3) + 'y', 'ed');
  if (w.endsWith('ed') && w.length > 4) {
    const stem = w.slice(0, -2);
    const undoubled = stem.length > 2 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : undefined;
    return hit(stem, 'ed') ?? hit(stem + 'e', 'ed') ?? (undoubled ? hit(undoubled, 'ed') : undefined);
  }
  return undefined;
}

/**
 * Nouns that mean money is moving. A tool that writes and names one of them
 * (`create_payment`, "Sends money to…") is financial; one that reads them
 * (`list_payments`) is not.
 */
const MONEY_NOUNS = new Set(
  [
    'payment payments money fund funds payout payouts refund refunds charge charges invoice invoices',
    'purchase purchases transaction transactions transfer transfers checkout checkouts trade trades',
    'bet bets wager wagers donation donations remittance wire dispute disputes chargeback chargebacks',
    'coupon coupons voucher vouchers tax taxes discount discounts promotion promotions promo promos',
    // An expense (report or claim) records money spent and owed back: "Create an expense", `expenses_delete`.
    'expense expenses',
    // A bill owed to a supplier (`delete_bill`, "Delete a vendor bill"); a bill of materials is a recipe (see `counted`).
    'bill bills',
    // Stored value and a seller's cut: "Create a customer credits account", a commission paid.
    'credits commission commissions',
    // Money added to a balance, by hand or automatically: `billing_auto_topup_set`.
    'topup topups',
    'desconto descontos descuento descuentos remise remises rabatt rabatte',
    'pagamento pagamentos dinheiro fatura faturas transferencia transferencias reembolso compra',
    'pago pagos dinero factura facturas paiement paiements argent facture factures virement remboursement',
    'zahlung zahlungen geld rechnung rechnungen uberweisung uberweisungen erstattung',
  ]
    .join(' ')
    .split(' ')
    .map(fold),
);

/** Chinese money nouns, found anywhere in a description's lead clause. */
export const CJK_MONEY: readonly string[] = ['付款', '支付', '转账', '退款', '资金', '货币', '发票', '交易', '费用', '续费', '计费', '扣费'];

/** True if a (folded) word is a money noun. */
export function isMoneyNoun(word: string): boolean {
  return MONEY_NOUNS.has(word);
}

/** Subscriptions: paid plans, unless the words around say events are subscribed to. */
const SUBSCRIPTION_NOUNS = new Set(['subscription', 'subscriptions', 'assinatura', 'assinaturas', 'suscripcion', 'suscripciones', 'abonnement', 'abonnements']);
/** Words that make a subscription one to events or updates (`create_webhook_subscription`), not a paid plan. */
const EVENT_WORDS = new Set([
  'webhook', 'webhooks', 'event', 'events', 'topic', 'topics', 'notification', 'notifications', 'channel', 'channels', 'feed', 'feeds',
  'stream', 'streams', 'pubsub', 'resource', 'resources', 'alert', 'alerts', 'update', 'updates', 'change', 'changes', 'thread', 'threads',
  'realtime', 'push', 'newsletter', 'mailing', 'calendar', 'sse', 'websocket',
  // "Subscribe to User Defined Messages for a call": messages delivered as they come, not a paid plan.
  'message', 'messages',
]);
/** Orders: money moves when one is placed, created, cancelled or refunded, not when it is edited or sorted. */
const ORDER_NOUNS = new Set(['order', 'orders', 'pedido', 'pedidos', 'commande', 'commandes', 'bestellung', 'bestellungen']);
/** Words before "order" that make it an order of work, not of goods bought or sold: a work order, a sort order. */
const NON_COMMERCIAL_ORDERS = new Set(['work', 'production', 'manufacturing', 'maintenance', 'job', 'sort', 'display', 'execution', 'build']);
/** Words before "order" that make it a draft, not yet placed: "Create a draft order". */
const DRAFTS = new Set(['draft', 'drafts']);

/** True when (folded) `words` name a draft order, a quote with prices not yet placed (`create_draft_order`). */
export function isDraftOrder(words: readonly string[]): boolean {
  return words.some((w, i) => ORDER_NOUNS.has(w) && DRAFTS.has(words[i - 1] ?? ''));
}
/** Words before "order" that make it an accounting document (it bills or commits money): a sales order, a purchase order. */
const LEDGER_ORDERS = new Set(['sales', 'sale', 'purchase', 'purchasing']);
/** Changes that alter an accounting order's lines and totals ("Update an existing Sales Order"). */
const CHANGING_VERBS = new Set(['update', 'edit', 'modify', 'amend', 'change', 'patch', 'replace', 'upsert']);
/** Deletions: a placed order deleted is money undone as much as one cancelled (`orders_delete`); "Delete a note of an order" is not (the order only owns it). */
const DELETING_VERBS = new Set(['delete', 'remove', 'destroy', 'void', 'erase', 'purge', 'supprime', 'supprimer']);
const ORDER_VERBS = new Set([
  'place', 'create', 'submit', 'confirm', 'cancel', 'refund', 'buy', 'sell', 'checkout', 'purchase', 'fulfill', 'capture', 'cria', 'crea', 'cree', 'erstellt',
  ...DELETING_VERBS,
]);
/** Words after which an order is what the object belongs to, not the object: "Create a fulfillment for an order". */
const OWNER_PREPOSITIONS = new Set(['for', 'of', 'to', 'from', 'on', 'in', 'into', 'within', 'with', 'by', 'at', 'para', 'de', 'do', 'da', 'del', 'pour', 'du', 'fur', 'zu', 'von', 'mit']);

/**
 * Nouns that mean money only in some company: a subscription that is not to
 * events (`cancel_subscription`, not `create_webhook_subscription`), and an
 * order that is placed, created or cancelled (`place_order`, not
 * `update_order_notes`). `words` are a name's or a lead clause's folded words;
 * `verbs` the base forms of the verbs found in them.
 */
export function billingNouns(words: readonly string[], verbs: readonly string[]): string[] {
  const out: string[] = [];
  if (verbs.some((v) => ASSET_VERBS.has(v))) out.push(...words.filter((w) => ASSET_NOUNS.has(w)));
  // `claim_fees`, "Redeem rewards": earnings paid out to the caller.
  if (verbs.some((v) => CLAIMING_VERBS.has(v))) out.push(...words.filter((w) => EARNINGS_NOUNS.has(w)));
  if (!words.some((w) => SUBSCRIPTION_NOUNS.has(w) || ORDER_NOUNS.has(w))) return out;
  if (!words.some((w) => EVENT_WORDS.has(w))) out.push(...words.filter((w) => SUBSCRIPTION_NOUNS.has(w)));
  // `woo_orders_notes_create`, "Creates an order note": the order only qualifies what is created.
  // "Create a fulfillment for an order": after a preposition the order owns what is created.
  const owner = words.findIndex((w) => OWNER_PREPOSITIONS.has(w));
  const placed = verbs.some((v) => ORDER_VERBS.has(v));
  const changed = verbs.some((v) => CHANGING_VERBS.has(v));
  if (placed || changed) {
    out.push(
      ...words.filter((w, i) => {
        if (!ORDER_NOUNS.has(w) || qualifies(words[i + 1]) || (owner >= 0 && i > owner)) return false;
        // `work_order_create`: an order of work bills nothing; `sales_order_update`: an accounting order's lines and totals change.
        if (NON_COMMERCIAL_ORDERS.has(words[i - 1] ?? '')) return false;
        // "Create a draft order": a draft is a quote with prices, placed only when it is completed.
        if (DRAFTS.has(words[i - 1] ?? '')) return false;
        return placed || LEDGER_ORDERS.has(words[i - 1] ?? '');
      }),
    );
  }
  return [...new Set(out)];
}

/** Words after an order noun that leave the order the object: `orders_batch`, "order for a customer". */
const NOT_HEADS = new Set([
  'batch', 'bulk', 'id', 'ids', 'for', 'to', 'from', 'with', 'in', 'on', 'of', 'by', 'and', 'or', ',', 'that', 'which', 'using', 'via',
  'at', 'as', 'the', 'a', 'an', 'para', 'com', 'de', 'pour', 'avec', 'fur', 'mit',
]);

/** True when `next`, the word after a noun, is the noun the first one qualifies (`order` in `order_notes`). */
function qualifies(next: string | undefined): boolean {
  // "order moves", "order includes": a verb, inflected or not, follows its subject and is no head noun.
  return next !== undefined && !NOT_HEADS.has(next) && lookupInflected(next) === undefined;
}

/** Verbs that move an asset from one holder to another. */
const ASSET_VERBS = new Set(['transfer', 'send', 'withdraw', 'deposit', 'swap', 'bridge', 'stake', 'unstake', 'mint', 'burn', 'transfere', 'transferir', 'envia', 'enviar']);
/** Verbs that take earnings owed to the caller: `claim_fees`, "Redeem rewards". */
const CLAIMING_VERBS = new Set(['claim', 'redeem', 'withdraw']);
/** Earnings that, claimed, are paid out: fees accrued, rewards, royalties, dividends. */
const EARNINGS_NOUNS = new Set([
  'fee', 'fees', 'reward', 'rewards', 'earning', 'earnings', 'royalty', 'royalties', 'dividend', 'dividends', 'yield', 'yields', 'cashback',
  'airdrop', 'airdrops', 'rebate', 'rebates', 'payout', 'payouts',
]);

/** Things of value on a chain: moving one moves money (`transfer_nft`, "Send tokens to…"). */
const ASSET_NOUNS = new Set([
  'token', 'tokens', 'nft', 'nfts', 'coin', 'coins', 'erc20', 'erc721', 'erc1155', 'bep20', 'crypto', 'cryptocurrency', 'stablecoin',
  'stablecoins', 'usdc', 'usdt', 'eth', 'ether', 'btc', 'bitcoin', 'bnb', 'sol', 'lamports', 'wei',
]);

/** Things sold or offered whose price is only a description: a product, an item, a quote, an estimate. */
const CATALOGUE_NOUNS = new Set([
  'product', 'products', 'item', 'items', 'variant', 'variants', 'quote', 'quotes', 'estimate', 'estimates', 'listing', 'listings',
  'sku', 'skus', 'catalog', 'catalogue', 'produto', 'produtos', 'producto', 'productos', 'produit', 'produits', 'artikel', 'quotation',
  'quotations',
  // A product's variation (its size or colour) carries its own price on the same catalogue: `create_variation`.
  'variation', 'variations',
  // A store's shipping rate is a price on delivering what it sells (`set_store_shipping`), not a billing record.
  'shipping',
]);

/** Words saying an event or a record is made up for testing: a mock webhook's amount moves no money. */
const MOCK_WORDS = new Set(['mock', 'mocked', 'mocks', 'fake', 'faked', 'dummy', 'simulate', 'simulates', 'simulated', 'simulating', 'simulation', 'simulations']);

/** True if a (folded) word says what is made is a mock or a simulation (`trigger_mock_webhook`, "Simulate a webhook event"). */
export function isMockWord(word: string): boolean {
  return MOCK_WORDS.has(word);
}

/** Plans whose amounts are targets, not payments: a budget, a forecast, a savings goal. */
const PLAN_NOUNS = new Set(['budget', 'budgets', 'forecast', 'forecasts', 'goal', 'goals']);

/** True if a (folded) word names a plan, whose amount moves no money (`upsert_budget`). */
export function isPlanNoun(word: string): boolean {
  return PLAN_NOUNS.has(word);
}

/** True if a (folded) word names something sold or offered, whose price moves no money (`create_product`, `update-quote`). */
export function isCatalogueNoun(word: string): boolean {
  return CATALOGUE_NOUNS.has(word);
}

/** Nouns that a money noun before them only qualifies: a payment gateway's settings move no money. */
const CONFIGURATION_NOUNS = new Set([
  'gateway', 'gateways', 'setting', 'settings', 'config', 'configs', 'configuration', 'configurations', 'provider', 'providers',
  // `create_discount_group`: a group organises discounts; creating one moves no money. An expense category sorts expenses.
  'group', 'groups', 'category', 'categories',
  // "Create a custom tax class. After creating, add tax rates to it": a class sorts rates, which bill on their own.
  'class', 'classes',
]);

/** Verbs that open or close a database's unit of work: begin, commit or roll back a transaction. */
const TRANSACTION_CONTROL = new Set(['begin', 'start', 'commit', 'rollback', 'roll', 'abort']);
/** Words of a database beside "transaction": a SQL query run in one, a database's transaction. */
const DATABASE_WORDS = new Set(['database', 'databases', 'db', 'sql', 'query', 'queries', 'statement', 'statements', 'table', 'tables']);
/** Words that put a statement inside a transaction: "within an existing transaction", `execute_in_transaction`. */
const INSIDE = new Set(['in', 'within', 'inside']);

/**
 * True when the "transaction" at `i` among `words` (with `verbs`, base forms) is a database's unit of work:
 * opened, committed or rolled back, beside SQL or a database, or what a statement runs inside.
 */
function databaseTransaction(words: readonly string[], verbs: readonly string[], i: number): boolean {
  if (verbs.some((v) => TRANSACTION_CONTROL.has(v)) || words.some((w) => TRANSACTION_CONTROL.has(w) || DATABASE_WORDS.has(w))) return true;
  let k = i - 1;
  while (k >= 0 && (words[k] === 'a' || words[k] === 'an' || words[k] === 'the' || words[k] === 'existing' || words[k] === 'current' || words[k] === 'active')) k--;
  return INSIDE.has(words[k] ?? '');
}

/** Words after "wire" that make it the verb to connect: "wire up", "wire it into", "wire in". */
const WIRING_FOLLOWERS = new Set(['up', 'it', 'them', 'into', 'in', 'together']);

/**
 * The money nouns among `words` (a name's or a lead clause's folded words,
 * without its verbs; `verbs` their base forms): plain money nouns that do not
 * merely qualify a configuration (`payment_gateways_update`), billing nouns
 * (`billingNouns`), and tokens, coins or NFTs that are moved (`transfer_nft`).
 */
export function moneyNouns(words: readonly string[], verbs: readonly string[]): string[] {
  // Most names and lead clauses name no money at all: nothing below can find any.
  if (!words.some((w) => MAYBE_MONEY.has(w))) return [];
  const goods = words.some((w) => GOODS.has(w));
  const owner = words.findIndex((w) => OWNER_PREPOSITIONS.has(w));
  const counted = (w: string, i: number) =>
    MONEY_NOUNS.has(w) &&
    // "Create a customer credits account" keeps credits; "Send a request, billed from your credits" only pays for a service with them.
    !(w === 'credits' && owner >= 0 && i > owner) &&
    !CONFIGURATION_NOUNS.has(words[i + 1] ?? '') &&
    // `delete_transaction_attachment`, "a transaction file attachment": the attachment is the object.
    !ATTACHED_THINGS.has(words[i + 1] ?? '') &&
    !(ATTACHED_THINGS.has(words[i + 2] ?? '') && !MONEY_NOUNS.has(words[i + 1] ?? '') && !OWNER_PREPOSITIONS.has(words[i + 1] ?? '')) &&
    // `add_payment_dispute_evidence`: a run of money nouns that only qualifies an attached thing.
    !(MONEY_NOUNS.has(words[i + 1] ?? '') && ATTACHED_THINGS.has(words[i + 2] ?? '')) &&
    // "a Stock Entry (material issue, receipt, or transfer)": goods move, not money.
    !(goods && (w === 'transfer' || w === 'transfers')) &&
    // "Create a Bill of Materials": a product's recipe.
    !((w === 'bill' || w === 'bills') && words[i + 1] === 'of') &&
    // "wire up object tracking", "wire it into a project": to wire is to connect; a wire transfer moves money.
    !(w === 'wire' && WIRING_FOLLOWERS.has(words[i + 1] ?? '')) &&
    // `commit_transaction`, "Executes a SQL query within an existing transaction": a database's unit of work.
    !((w === 'transaction' || w === 'transactions') && databaseTransaction(words, verbs, i));
  // "Attach a receipt image to a transaction", "Create a transaction group from existing transactions": when
  // the object is an attached thing or a grouping and no money, the money nouns after a preposition own it.
  const object = owner > 0 ? words.slice(0, owner) : [];
  const ownedOnly = object.some((w) => ATTACHED_THINGS.has(w) || CONFIGURATION_NOUNS.has(w)) && !object.some(counted);
  const plain = words.filter((w, i) => counted(w, i) && !(ownedOnly && i > owner));
  // Accounting entries: "Create a new Journal Entry", `ledger_entry_create`.
  const entries = words.filter((w, i) => (w === 'entry' || w === 'entries') && LEDGER_WORDS.has(words[i - 1] ?? '')).map((w) => `journal ${w}`);
  // Credit and debit notes and memos: "Delete a credit note" (the note is the money document, not something attached).
  const documents = words.flatMap((w, i) => (NOTE_MONEY.has(w) && MONEY_DOCUMENTS.has(words[i + 1] ?? '') ? [`${w} ${words[i + 1]}`] : []));
  // Shares of takings paid to someone: "Delete a revenue split".
  const billed = words.flatMap((w, i) => (REVENUE_WORDS.has(w) && SHARES.has(words[i + 1] ?? '') ? [`${w} ${words[i + 1]}`] : []));
  return [...new Set([...plain, ...entries, ...documents, ...billed, ...billingNouns(words, verbs)])];
}

/**
 * The money a kind of record names when a generic tool takes the kind as a parameter (`doctype: 'Sales
 * Invoice'`): money nouns and accounting entries, and sales or purchase orders placed or changed. A CRM's
 * `orders` or `subscriptions` object type is a record kind like its contacts, not a placed order.
 */
export function accountingKinds(words: readonly string[], verbs: readonly string[]): string[] {
  // `doc_delete` over "e.g. 'Customer', 'Sales Order'": a generic deletion (of drafts, as a rule) does not show the order was placed.
  return moneyNouns(words, verbs.filter((v) => !DELETING_VERBS.has(v))).filter((w) => !SUBSCRIPTION_NOUNS.has(w) && !(ORDER_NOUNS.has(w) && !words.some((x, i) => x === w && LEDGER_ORDERS.has(words[i - 1] ?? ''))));
}

/** Takings that a split or a share divides among payees: a revenue split, a payment split. */
const REVENUE_WORDS = new Set(['revenue', 'payment', 'payout', 'profit', 'earnings']);
/** Parts of takings paid to someone. */
const SHARES = new Set(['split', 'splits', 'share', 'shares']);

/** Every word without which `moneyNouns` finds nothing: money, billing, asset, earnings and order nouns, and entries. */
const MAYBE_MONEY: ReadonlySet<string> = new Set([
  ...MONEY_NOUNS, ...SUBSCRIPTION_NOUNS, ...ORDER_NOUNS, ...ASSET_NOUNS, ...EARNINGS_NOUNS, 'entry', 'entries', 'credit', 'debit', ...REVENUE_WORDS,
]);

/** Words that, before a note or a memo, make it an accounting document: a credit note, a debit memo. */
const NOTE_MONEY = new Set(['credit', 'debit']);
/** What a credit or a debit makes a money document. */
const MONEY_DOCUMENTS = new Set(['note', 'notes', 'memo', 'memos']);

/** Things attached to a record, whose owner a money noun before them only names: an attachment, a file, a note. */
const ATTACHED_THINGS = new Set([
  'attachment', 'attachments', 'file', 'files', 'note', 'notes', 'comment', 'comments', 'tag', 'tags', 'label', 'labels', 'image', 'images',
  'photo', 'photos',
  // "Send a reminder for an invoice", "Create a shipment for a transaction", `create_shipment_tracking`: a message about
  // money or goods sent for it, which bills nothing.
  'reminder', 'reminders', 'shipment', 'shipments', 'tracking',
  // "Add evidence to a payment dispute": the evidence supports a claim; the money is decided elsewhere.
  'evidence',
]);

/**
 * True when a money noun among `words` (a name's folded words) only names the owner of an attached thing
 * (`send_invoice_reminder`, `delete_transaction_attachment`): the tool's id of that owner is no money either.
 */
export function qualifiesAttached(words: readonly string[]): boolean {
  return words.some((w, i) => MONEY_NOUNS.has(w) && ATTACHED_THINGS.has(words[i + 1] ?? ''));
}

/** Goods, whose transfer moves stock between places, not money: "material transfer", "stock entry". */
const GOODS = new Set(['stock', 'material', 'materials', 'inventory', 'warehouse', 'warehouses', 'goods']);

/** Books whose entries record money: a journal entry, a ledger entry. */
const LEDGER_WORDS = new Set(['journal', 'ledger', 'accounting', 'gl']);

/**
 * Verbs that rearrange records without changing the money they record: splitting a transaction into
 * parts, grouping transactions, undoing either.
 */
export const REORGANISING_VERBS: ReadonlySet<string> = new Set(['split', 'unsplit', 'group', 'ungroup', 'regroup']);

/**
 * What clearing, resetting or flushing leaves stored data intact for: a cache
 * (a copy its origin keeps), a password (a credential set anew), and the state
 * of a session or a view (filters, a selection, highlights, a form, a browser's cookies).
 */
const TRANSIENT_OBJECTS = new Set([
  'cache', 'caches', 'cached', 'password', 'passwords', 'passcode', 'passcodes', 'session', 'sessions', 'filter', 'filters', 'selection',
  'selections', 'highlight', 'highlights', 'form', 'forms',
  // `clear_output`, "Clear the console": what a screen shows, not what is stored.
  'output', 'console',
  // `browser_clear_input`: a form's field, typed again.
  'input', 'inputs',
  // "Mark a task as needing rework or clear the flag": a marker set or unset.
  'flag', 'flags',
  // "Clear all cookies" of an automated browser's session: its logins and preferences, set again by the sites.
  'cookie', 'cookies',
  // "Close a session and discard its browser tab": a tab of the session, as a page closed.
  'tab', 'tabs',
]);

/** A grant of access or a lock on it, which can be taken off what it guards: "a member's access", "the access password". */
export const GRANTS: ReadonlySet<string> = new Set(['access', 'password', 'passwords', 'passcode', 'permission', 'permissions', 'privilege', 'privileges', 'grant', 'grants', 'protection', 'protections']);

/**
 * Parts of a text, which deleting edits the text that holds them: `delete_line` among an edit's modes
 * (not a database's row, a record of its own).
 */
export const TEXT_PARTS: ReadonlySet<string> = new Set(['line', 'lines', 'word', 'words', 'character', 'characters', 'char', 'chars', 'paragraph', 'paragraphs', 'sentence', 'sentences']);

/** Prepositions that end a verb's object: "Flush the cache of a CDN", "Clear all data from the cache". */
const OBJECT_ENDS = new Set(['of', 'for', 'from', 'in', 'on', 'at', 'to', 'into', 'with', 'by', 'within', 'across', 'de', 'du', 'von', 'aus']);

/** A page's or an editor's state that even "remove" only changes: focus, highlights, the selection. */
const UI_STATES = new Set(['focus', 'highlight', 'highlights', 'selection', 'selections']);
/** Parts of a thing that "of" ties to their owner: "the content of an input field". */
const CONTENT_PARTS = new Set(['content', 'contents', 'value', 'values', 'text']);

/** Destroying verbs that end something running. */
const ENDING_VERBS = new Set(['kill', 'terminate']);
/** What they end without destroying anything stored: a running program, which stays installed ("Terminates a running app"). */
const RUNNING_PROGRAMS = new Set(['app', 'apps', 'application', 'applications', 'process', 'processes', 'program', 'programs', 'pid']);

/**
 * True when `base`, a weak destroying verb (`clear`, `reset`, `flush`), acts
 * on something transient (see `TRANSIENT_OBJECTS`) named in `object`, the
 * words after it up to the first preposition: "Reset password", "Flush the
 * cache of a CDN", "Clear the session setting" change state but destroy no
 * stored data; "Clear all data from the cache" still destroys. Likewise
 * `kill` and `terminate` of a running program ("Terminates a running app on
 * the simulator"; "Terminate a pod", whose disk goes with it, still destroys)
 * and `remove` of a page's state ("Remove focus from an element").
 */
export function clearsOnlyTransient(base: string, object: readonly string[]): boolean {
  if (ENDING_VERBS.has(base)) {
    for (const w of object) {
      if (OBJECT_ENDS.has(w)) return false;
      if (RUNNING_PROGRAMS.has(w)) return true;
    }
    return false;
  }
  // "Remove focus from a specific element": a page's state, not stored data.
  if (base === 'remove') return object.slice(0, 3).some((w) => UI_STATES.has(w));
  const entry = LEXICON.get(base);
  // "Discard cached field values for a table": a cache discarded is refilled from its origin.
  if (!entry || entry.category !== 'destructive' || (!entry.weak && base !== 'discard')) return false;
  for (let k = 0; k < object.length; k++) {
    const w = object[k];
    // "Clear the content of an input field": what a part belongs to decides.
    if (OBJECT_ENDS.has(w) && !(w === 'of' && CONTENT_PARTS.has(object[k - 1] ?? ''))) return false;
    if (TRANSIENT_OBJECTS.has(w)) return true;
  }
  return false;
}

/** Verbs that bring a whole resource back to an earlier or a fresh state. */
const REIMAGING_VERBS = new Set(['restore', 'rebuild', 'reimage', 'reinstall', 'reset', 'revert']);
/** Where that state comes from when the resource's own content is replaced: a backup, a snapshot, an image. */
const IMAGE_SOURCES = new Set(['backup', 'backups', 'snapshot', 'snapshots', 'image', 'images']);
/** Words that lead to the source: "from a backup", "using an image slug", "to a snapshot". */
const SOURCE_PREPOSITIONS = new Set(['from', 'using', 'with', 'to', 'via']);

/**
 * True when `base` restores, rebuilds, reimages, reinstalls, resets or
 * reverts a resource from a backup, a snapshot or an image named in `after`
 * (the words that follow the verb): "Restore a droplet from a backup",
 * "Rebuild a droplet using an image slug". The resource's content is replaced
 * by the image's and what was written since is lost; "Restore a deleted page"
 * or "Revert a timesheet to draft" bring something back and destroy nothing.
 */
export function overwritesFromImage(base: string, after: readonly string[]): boolean {
  if (!REIMAGING_VERBS.has(base)) return false;
  const end = Math.min(after.length, 10);
  for (let i = 0; i < end; i++) {
    if (!SOURCE_PREPOSITIONS.has(after[i])) continue;
    // The source within the next three words: "from a backup/snapshot", "using an image slug", "from the latest backup".
    if (after.slice(i + 1, i + 4).some((w) => IMAGE_SOURCES.has(w))) return true;
  }
  return false;
}

/** Verbs that build or create a resource anew from nothing: what it held before is not carried over. */
const RECREATING_VERBS = new Set(['rebuild', 'recreate', 'reinstall']);
/** Resources whose worth is the data they hold: a database, a volume, a disk. */
const DATA_STORES = new Set(['database', 'databases', 'db', 'dbs', 'volume', 'volumes', 'disk', 'disks']);
/** Words saying the data is carried over after all: "Rebuild the database (data is preserved)". */
const DATA_KEPT = new Set(['kept', 'keeps', 'keep', 'keeping', 'preserved', 'preserves', 'preserving', 'retained', 'retains', 'retaining']);

/**
 * True when `base` rebuilds, recreates or reinstalls a data store named in
 * `after` (the words after the verb, up to the first preposition): "Rebuilds
 * a MySQL database" removes the database service and its data and deploys it
 * anew, unless the words say the data is kept. "Rebuild the search index" or
 * "Rebuild the site" lose no stored data.
 */
export function recreatesStore(base: string, after: readonly string[]): boolean {
  if (!RECREATING_VERBS.has(base)) return false;
  if (after.some((w) => DATA_KEPT.has(w))) return false;
  let head = '';
  for (const w of after.slice(0, 8)) {
    if (OBJECT_ENDS.has(w)) break;
    head = w;
  }
  return DATA_STORES.has(head);
}

/** What a browser asks that "handle" answers: "Handle a dialog", `handle_alert`. */
const BROWSER_PROMPTS = new Set(['dialog', 'dialogs', 'alert', 'alerts', 'popup', 'popups', 'prompt', 'prompts']);

/**
 * True when `words[i]` is "handle" answering a browser's question (`browser_handle_dialog`, "Handle a
 * dialog"): it is accepted or dismissed, a write (not "Handles complex tasks", not a file handle).
 */
export function handlesPrompt(words: readonly string[], i: number): boolean {
  if (words[i] !== 'handle' && words[i] !== 'handles') return false;
  const k = words[i + 1] === 'a' || words[i + 1] === 'the' || words[i + 1] === 'any' ? i + 2 : i + 1;
  return BROWSER_PROMPTS.has(words[k] ?? '');
}

/** What a debugger's step goes over, into or out of: `step_over`, "Step into the function". */
const STEP_WAYS = new Set(['over', 'into', 'out']);
/** What "continue" or "resume" lets run on in a debugger: "Continue execution". */
const RUN_ON = new Set(['execution', 'program', 'debuggee']);

/**
 * True when `words[i]` starts a debugger's command that runs the program under it: "step over/into/out",
 * "continue execution", "start debugging" (`step_over`, "Start debugging a script"). Each lets the
 * debugged code run, whatever it does (not "Step 2 of the wizard", "Continue the conversation").
 */
export function runsDebuggee(words: readonly string[], i: number): boolean {
  const w = words[i];
  const next = words[i + 1] ?? '';
  if (w === 'step' || w === 'steps') return STEP_WAYS.has(next);
  if (w === 'continue' || w === 'continues' || w === 'resume' || w === 'resumes') return RUN_ON.has(next);
  return (w === 'start' || w === 'starts' || w === 'begin' || w === 'begins') && next === 'debugging';
}

/**
 * Nouns that name an action, for "Performs a search" / "Runs a lookup":
 * the noun, not the generic verb, says what the tool does.
 */
const ACTION_NOUNS = new Map<string, Category>([
  ['search', 'read'], ['lookup', 'read'], ['scan', 'read'], ['check', 'read'], ['analysis', 'read'],
  ['screenshot', 'read'], ['snapshot', 'read'], ['look', 'read'],
  // "Run inference on a model": a model computes an answer and returns it.
  ['inference', 'read'], ['prediction', 'read'],
  // "Execute a saved question and get results": a question asked of the data is answered.
  ['question', 'read'],
  ['query', 'read'], ['review', 'read'], ['report', 'read'], ['aggregation', 'read'], ['calculation', 'read'], ['comparison', 'read'], ['validation', 'read'],
  // "Run a comprehensive Lighthouse audit on a website": an inspection, which reports what it finds.
  ['audit', 'read'], ['inspection', 'read'], ['assessment', 'read'],
  // "Run AI-powered keyword discovery for a project": what is found is reported.
  ['discovery', 'read'],
  ['update', 'write'], ['edit', 'write'], ['change', 'write'], ['modification', 'write'], ['insertion', 'write'],
  ['deletion', 'destructive'], ['removal', 'destructive'], ['cleanup', 'destructive'], ['wipe', 'destructive'],
  ['payment', 'financial'], ['purchase', 'financial'], ['transfer', 'write'], ['refund', 'financial'],
]);

/** The capability an action noun names ("search" → read, "deletion" → destructive). */
export function actionNoun(word: string): Category | undefined {
  return ACTION_NOUNS.get(word);
}

/**
 * Directions that, right before another verb, say how it is done rather than what is done:
 * `reverse_geocode`, "Forward geocode addresses…" (not "Forward an e-mail", "Reverse a transaction").
 */
export const DIRECTIONS: ReadonlySet<string> = new Set(['forward', 'reverse']);

/** Generic verbs whose object says what happens: "Performs a search", "Makes a payment", "Capture a screenshot". */
export const GENERIC_VERBS: ReadonlySet<string> = new Set(['perform', 'performs', 'do', 'does', 'make', 'makes', 'take', 'takes', 'capture', 'captures', 'have', 'has', 'conduct', 'conducts', 'carry', 'carries', 'run', 'runs', 'execute', 'executes', 'realiza', 'efectua', 'efetua', 'effectue', 'fuhrt']);
