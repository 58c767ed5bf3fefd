// Search over the static index written by site/src/search/build-index.ts.
// Loaded as an external file (the CSP allows no inline script). Results are
// built with DOM methods and textContent only: names come from MCP servers
// and are never parsed as HTML. Links are made from slugs checked here again.
(function () {
  'use strict';

  var FORMAT = 1;
  var MIN_TOKEN = 2;
  var MAX_TOKEN = 32;
  var SHARD_PREFIX = 2;
  var MAX_RESULTS = 50;
  var MAX_QUERY_TOKENS = 8;
  var STOP = {};
  'a an and are as at be by can de do for from has in into is it its la of on or that the this to use used uses using via when which will with you your'
    .split(' ')
    .forEach(function (w) {
      STOP[w] = true;
    });
  var SLUG = /^[a-z0-9][a-z0-9-]*$/;
  var RISK = { low: 'Low risk', medium: 'Medium risk', high: 'High risk', critical: 'Critical risk' };
  var CATEGORY = { read: 'Read', write: 'Write', execute: 'Execute', destructive: 'Destructive', financial: 'Financial' };

  // Same rules as tokenize() in site/src/search/tokens.ts (a test checks they agree).
  function tokenize(text) {
    var spaced = String(text)
      .slice(0, 4000)
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    var out = [];
    var words = spaced.split(/[^\p{L}\p{N}]+/u);
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (w.length < MIN_TOKEN || STOP[w] === true) continue;
      out.push(w.length > MAX_TOKEN ? w.slice(0, MAX_TOKEN) : w);
    }
    return out;
  }

  function shardKey(token) {
    var key = '';
    var chars = Array.from(token).slice(0, SHARD_PREFIX);
    for (var i = 0; i < chars.length; i++) {
      key += /^[a-z0-9]$/.test(chars[i]) ? chars[i] : '_' + chars[i].codePointAt(0).toString(16);
    }
    return key;
  }

  var cache = {};
  function getJson(path) {
    if (!cache[path]) {
      cache[path] = fetch(path, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  function undelta(list) {
    var out = new Array(list.length);
    var prev = 0;
    for (var i = 0; i < list.length; i++) {
      prev = i === 0 ? list[i] : prev + list[i];
      out[i] = prev;
    }
    return out;
  }

  // Scores of the documents matching one query token: names weigh more than
  // other text, a whole word more than a prefix.
  function scoresFor(token, meta) {
    var key = shardKey(token);
    if (meta.shards.indexOf(key) < 0) return Promise.resolve(new Map());
    return getJson('/search/idx/' + key + '.json').then(function (shard) {
      var scores = new Map();
      Object.keys(shard).forEach(function (word) {
        if (word.slice(0, token.length) !== token) return;
        var exact = word === token ? 2 : 1;
        var lists = shard[word];
        undelta(lists[0]).forEach(function (id) {
          scores.set(id, Math.max(scores.get(id) || 0, 4 * exact));
        });
        undelta(lists[1]).forEach(function (id) {
          scores.set(id, Math.max(scores.get(id) || 0, exact));
        });
      });
      return scores;
    });
  }

  function search(query, meta) {
    var tokens = tokenize(query).slice(0, MAX_QUERY_TOKENS);
    if (tokens.length === 0) return Promise.resolve({ total: 0, ids: [] });
    return Promise.all(tokens.map(function (t) { return scoresFor(t, meta); })).then(function (maps) {
      // Every word must match (AND); scores add up.
      maps.sort(function (a, b) { return a.size - b.size; });
      var hits = [];
      maps[0].forEach(function (score, id) {
        var total = score;
        for (var i = 1; i < maps.length; i++) {
          var s = maps[i].get(id);
          if (s === undefined) return;
          total += s;
        }
        hits.push([id, total]);
      });
      hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return { total: hits.length, ids: hits.slice(0, MAX_RESULTS).map(function (h) { return h[0]; }) };
    });
  }

  function docs(ids, meta) {
    var chunks = {};
    ids.forEach(function (id) {
      chunks[Math.floor(id / meta.chunk)] = true;
    });
    return Promise.all(
      Object.keys(chunks).map(function (n) {
        return getJson('/search/docs/' + n + '.json').then(function (list) {
          return [Number(n), list];
        });
      }),
    ).then(function (loaded) {
      var byChunk = {};
      loaded.forEach(function (pair) {
        byChunk[pair[0]] = pair[1];
      });
      return ids.map(function (id) {
        return byChunk[Math.floor(id / meta.chunk)][id % meta.chunk];
      });
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function badge(className, text) {
    return el('span', 'badge ' + className, text);
  }

  function render(list, doc) {
    var li = el('li');
    var a = el('a');
    if (doc[0] === 's' && SLUG.test(doc[1])) {
      a.href = '/servers/' + doc[1] + '/';
      a.textContent = String(doc[2]);
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(badge('cat', 'Server · ' + Number(doc[4]) + ' tools'));
    } else if (doc[0] === 't' && SLUG.test(doc[1]) && SLUG.test(doc[2])) {
      a.href = '/tools/' + doc[1] + '/' + doc[2] + '/';
      a.textContent = String(doc[3]);
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      if (Object.prototype.hasOwnProperty.call(RISK, doc[6])) li.appendChild(badge('risk-' + doc[6], RISK[doc[6]]));
      li.appendChild(document.createTextNode(' '));
      if (Object.prototype.hasOwnProperty.call(CATEGORY, doc[5])) li.appendChild(badge('cat', CATEGORY[doc[5]]));
      li.appendChild(el('span', 'from', ' in ' + String(doc[4])));
    } else {
      return;
    }
    list.appendChild(li);
  }

  function init() {
    var form = document.getElementById('search-form');
    var input = document.getElementById('q');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    if (!form || !input || !status || !list) return;
    var meta = getJson('/search/meta.json').then(function (m) {
      if (!m || m.v !== FORMAT) throw new Error('unexpected search index format');
      return m;
    });
    var seq = 0;

    function run(query) {
      var mine = ++seq;
      list.textContent = '';
      if (!tokenize(query).length) {
        status.textContent = 'Type at least two letters of a tool or server name.';
        return;
      }
      status.textContent = 'Searching…';
      meta
        .then(function (m) {
          return search(query, m).then(function (found) {
            return docs(found.ids, m).then(function (items) {
              return [found, items];
            });
          });
        })
        .then(function (pair) {
          if (mine !== seq) return;
          var found = pair[0];
          pair[1].forEach(function (doc) {
            render(list, doc);
          });
          status.textContent =
            found.total === 0
              ? 'Nothing found.'
              : found.total > MAX_RESULTS
                ? found.total + ' results; the best ' + MAX_RESULTS + ' are shown. Add a word to narrow them.'
                : found.total + (found.total === 1 ? ' result.' : ' results.');
        })
        .catch(function (err) {
          if (mine === seq) status.textContent = 'Search is unavailable: ' + err.message;
        });
    }

    var initial = new URLSearchParams(location.search).get('q') || '';
    input.value = initial;
    status.textContent = 'Type a tool or server name.';
    if (initial) run(initial);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var q = input.value;
      history.replaceState(null, '', '/search/?q=' + encodeURIComponent(q));
      run(q);
    });
  }

  if (typeof document === 'undefined') {
    // Loaded by the tests in Node (vm): expose the tokenizer only.
    globalThis.censusSearchTokens = { tokenize: tokenize, shardKey: shardKey };
    return;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
