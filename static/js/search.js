// search.js — site search. Loads the index built by generator/search as
// script files (so it works from file://), tokenizes queries exactly as the
// Go tokenizer does, ranks sections with the precomputed BM25F impacts plus a
// phrase bonus, and shows results grouped by page under the header's search
// box and on the search/ page. Adds only window.Guidebook.search.
(function () {
  "use strict";
  var G = (window.Guidebook = window.Guidebook || {});
  if (G.search) return;

  var MAX_QUERY = 200; // code points of a query that are used
  var MAX_TERMS = 24;
  var PHRASE = 0.6; // bonus per adjacent pair found adjacent, × the smaller impact
  var FALLBACK = 0.5; // weight of single characters standing in for an unknown pair
  var SINGLE = 0.25; // weight of the single characters of a longer run (被骗 → 骗 → 诈骗)
  var DROPDOWN = 8; // results under the search box
  var PAGE_LIMIT = 50; // results on the search page
  var SNIPPET = 90; // code points of a snippet
  var FORMAT = 3;
  // A query whose index files are loaded answers at once; one that needs
  // more files waits this many ms first, so that typing a word does not
  // load the files of each of its prefixes.
  var LOAD_DELAY = 80;
  // Pairs that make a question rather than name its topic weigh less, and
  // particles never stand in for an unknown pair.
  var WEAK = " 怎么 么办 什么 如何 为什 么样 在哪 哪里 哪些 哪个 可以 是不 不是 一下 有没 我的 你的 的话 ";
  var WEAK_WEIGHT = 0.3;
  var PARTICLES = "的了是在我你他她它们和与或也就都吗呢吧啊么怎个";

  var registry = {}; // file name without .js → payload
  var loading = {}; // file name → Promise
  var foldMap = new Map(); // code point → folded code point
  var foldLoaded = {}; // chunk index → true
  var postingCache = new Map(); // shard-qualified token → decoded postings
  var manifestPromise = null;
  var texts = new Map(); // document shard → Promise of its section texts
  var dictBytes = null; // the texts' dictionary, unpacked
  var STALE = new Error("search: stale query");

  var api = (G.search = {
    add: function (name, data) {
      registry[name] = data;
    },
  });

  // ---- loading index files ------------------------------------------------

  function root() {
    return document.documentElement.getAttribute("data-root") || "./";
  }

  // loadScript loads an index file once. fresh asks past HTTP caches (for
  // the manifest, the one file whose name has no hash); file:// has none.
  function loadScript(path, name, fresh) {
    if (registry[name] !== undefined) return Promise.resolve(registry[name]);
    if (loading[name]) return loading[name];
    loading[name] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = root() + path + (fresh && /^https?:$/.test(location.protocol) ? "?v=" + Date.now() : "");
      s.async = true;
      s.onload = function () {
        s.remove();
        if (registry[name] === undefined) reject(new Error("search: " + path + " did not register"));
        else resolve(registry[name]);
      };
      s.onerror = function () {
        s.remove();
        delete loading[name];
        reject(new Error("search: cannot load " + path));
      };
      document.head.appendChild(s);
    });
    return loading[name];
  }

  function manifest() {
    if (!manifestPromise) {
      var path = document.documentElement.getAttribute("data-search-manifest");
      if (!path) return Promise.reject(new Error("search: no data-search-manifest"));
      var name = path.replace(/^.*\//, "").replace(/\.js$/, "");
      manifestPromise = loadScript(path, name, true).then(function (m) {
        if (m.v !== FORMAT) throw new Error("search: index format " + m.v + ", want " + FORMAT);
        m.docStart = [0];
        for (var i = 0; i < m.dp.length; i++) m.docStart.push(m.docStart[i] + parseInt(m.dp[i], 36));
        m.bucketStart = runStarts(m.hb.r);
        return m;
      });
      manifestPromise.catch(function () {
        manifestPromise = null; // try again on the next query
      });
    }
    return manifestPromise;
  }

  // runStarts returns the first hash bucket of each token shard, and the
  // end: shard i holds a run of buckets, a base-36 digit 1–z after a 0 for
  // each 35 more.
  function runStarts(runs) {
    var start = [0], n = 0;
    for (var i = 0; i < runs.length; i++) {
      var d = parseInt(runs[i], 36);
      n += d || 35;
      if (d) {
        start.push(start[start.length - 1] + n);
        n = 0;
      }
    }
    return start;
  }

  function shardName(set, prefix, i) {
    var g = Math.floor(i / set.g) * 8;
    return prefix + i + "." + set.x.slice(g, g + 8);
  }

  // loadShard resolves to a shard. A file not loaded yet waits for the
  // query's gate first: the first load of a query waits LOAD_DELAY ms, and
  // is dropped (rejected with STALE) if a newer query came meanwhile. Files
  // already loaded cost no wait, so a query whose files are cached answers
  // at once.
  function loadShard(set, prefix, i, run) {
    var name = shardName(set, prefix, i);
    if (registry[name] !== undefined) return Promise.resolve(registry[name]);
    return gate(run).then(function () {
      return loadScript("search/" + name + ".js", name);
    });
  }

  function gate(run) {
    if (!run || !run.stale) return Promise.resolve();
    if (!run.gate)
      run.gate = new Promise(function (resolve) {
        setTimeout(resolve, LOAD_DELAY);
      });
    return run.gate.then(function () {
      if (run.stale()) throw STALE;
    });
  }

  // ---- tokenizer (mirror of generator/search/fold.go and tokenize.go) -----

  var wordRe = null;
  try {
    wordRe = new RegExp("^[\\p{L}\\p{N}]$", "u");
  } catch (e) {
    wordRe = /^[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]$/;
  }
  var wordCache = new Map();

  function isHan(c) {
    return (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0x20000 && c <= 0x323af)
    );
  }

  function isIgnored(c) {
    return (
      (c >= 0x200b && c <= 0x200d) || c === 0xad || c === 0x2060 || c === 0xfeff ||
      (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef)
    );
  }

  function isWord(c) {
    if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    var v = wordCache.get(c);
    if (v === undefined) {
      v = wordRe.test(String.fromCodePoint(c));
      wordCache.set(c, v);
    }
    return v;
  }

  function fold(c) {
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) return 32;
    if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
    if (c >= 0xc0 && c <= 0x52f && c !== 0x130) {
      var l = String.fromCodePoint(c).toLowerCase();
      return l.length === 1 ? l.charCodeAt(0) : c;
    }
    var v = foldMap.get(c);
    return v === undefined ? c : v;
  }

  // scan calls fn(kind, text, start, end) for each token of s, where kind is
  // 0 (word), 1 (one Han character) or 2 (two), and start/end index cps, the
  // code points of s.
  function scan(cps, fn) {
    var word = "", wordStart = 0, prev = 0, prevAt = 0;
    function flush(at) {
      if (word) fn(0, word, wordStart, at);
      word = "";
    }
    for (var i = 0; i < cps.length; i++) {
      var c = cps[i];
      if (isIgnored(c)) continue;
      c = fold(c);
      if (isHan(c)) {
        flush(i);
        var ch = String.fromCodePoint(c);
        if (prev) fn(2, String.fromCodePoint(prev) + ch, prevAt, i + 1);
        fn(1, ch, i, i + 1);
        prev = c;
        prevAt = i;
      } else if (isWord(c)) {
        prev = 0;
        if (!word) wordStart = i;
        word += String.fromCodePoint(c);
      } else {
        prev = 0;
        flush(i);
      }
    }
    flush(cps.length);
  }

  function codePoints(s) {
    var out = [];
    for (var ch of String(s)) out.push(ch.codePointAt(0));
    return out;
  }

  // tokenize returns the tokens of s; the fold chunks for its characters
  // must be loaded (see tokenizeAsync).
  function tokenize(s) {
    var out = [];
    scan(codePoints(s), function (k, t) {
      out.push(t);
    });
    return out;
  }

  function loadFold(m, s, run) {
    var need = [];
    for (var ch of String(s)) {
      var i = ch.codePointAt(0) % m.f.n;
      if (isHan(ch.codePointAt(0)) && !foldLoaded[i] && need.indexOf(i) < 0) need.push(i);
    }
    return Promise.all(
      need.map(function (i) {
        return loadShard(m.f, "f", i, run).then(function (pairs) {
          if (foldLoaded[i]) return;
          var cps = codePoints(pairs);
          for (var k = 0; k + 1 < cps.length; k += 2) foldMap.set(cps[k], cps[k + 1]);
          foldLoaded[i] = true;
        });
      })
    );
  }

  // ---- queries --------------------------------------------------------------

  // analyze turns a query into terms: pairs of Han characters (single
  // characters for one-character runs), words; pairs adjacent in the query
  // are remembered for the phrase bonus.
  function analyze(q) {
    var terms = [], byText = {}, pairs = [], run = [];
    function term(text, kind, w) {
      if (byText[text] === undefined) {
        if (terms.length >= MAX_TERMS) return -1;
        byText[text] = terms.length;
        terms.push({ text: text, kind: kind, w: w, chars: null });
      }
      return byText[text];
    }
    function endRun() {
      if (run.length === 1) term(run[0], 1, 1);
      else if (SINGLE)
        run.forEach(function (c) {
          if (PARTICLES.indexOf(c) < 0) term(c, 1, SINGLE);
        });
      var last = -1;
      for (var i = 0; i + 1 < run.length; i++) {
        var pair = run[i] + run[i + 1];
        var t = term(pair, 2, WEAK.indexOf(" " + pair + " ") >= 0 ? WEAK_WEIGHT : 1);
        if (t >= 0) terms[t].chars = [run[i], run[i + 1]];
        if (t >= 0 && last >= 0 && t !== last) pairs.push([last, t]);
        last = t;
      }
      run = [];
    }
    // Inside a run of Han characters every character but the first follows
    // the pair that joins it to the previous one; so a character that does
    // not follow a pair starts a new run.
    var prevKind = -1;
    scan(codePoints(q), function (kind, text) {
      if (kind === 1) {
        if (prevKind !== 2) endRun();
        run.push(text);
      } else if (kind === 0) {
        endRun();
        term(text, 0, 1);
      }
      prevKind = kind;
    });
    endRun();
    return { terms: terms, pairs: pairs };
  }

  // unpack decodes a base92 string (generator/search/base92.go) to bytes:
  // two characters carry 13 bits, a last lone character 6.
  var B92 = " !#$%&'()*+,-./0123456789:;=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  var b92 = new Uint8Array(128);
  for (var c92 = 0; c92 < B92.length; c92++) b92[B92.charCodeAt(c92)] = c92;

  function unpack(s) {
    var out = new Uint8Array(Math.floor((s.length * 13) / 16)), n = 0, acc = 0, bits = 0;
    for (var i = 0; i < s.length; i += 2) {
      if (i + 1 < s.length) {
        acc |= (b92[s.charCodeAt(i)] + 92 * b92[s.charCodeAt(i + 1)]) << bits;
        bits += 13;
      } else {
        acc |= b92[s.charCodeAt(i)] << bits;
        bits += 6;
      }
      for (; bits >= 8; bits -= 8) {
        out[n++] = acc & 255;
        acc >>>= 8;
      }
    }
    return out.subarray(0, n);
  }

  // decode reads postings (a bit stream, generator/search/postings.go) into
  // out: doc → impact·65536 + signature.
  function decode(packed, sig, out) {
    var s = unpack(packed), pos = 0, end = s.length * 8;
    if (!s.length) return out;
    function bits(n) {
      var v = 0;
      for (var i = 0, m = 1; i < n; i++, m *= 2) {
        v += ((s[pos >> 3] >> (pos & 7)) & 1) * m;
        pos++;
      }
      return v;
    }
    function gamma() {
      var z = 0;
      while (pos < end && !bits(1)) z++;
      return Math.pow(2, z) + bits(z);
    }
    var pages = gamma(), k = bits(4), lo = bits(8), width = bits(4), page = -1, secs = [];
    for (var p = 0; p < pages && pos < end; p++) {
      page += (gamma() - 1) * Math.pow(2, k) + bits(k) + 1;
      secs.length = 0;
      secs.push(gamma() - 1);
      while (bits(1)) secs.push(secs[secs.length - 1] + gamma());
      for (var j = 0; j < secs.length; j++) {
        var imp = lo + bits(width), sg = 0;
        if (sig) sg = bits(1) ? 1 << bits(3) : bits(8);
        out.set(page * 4096 + secs[j], imp * 65536 + sg);
      }
    }
    return out;
  }

  // lookup fills term.hits (doc key → impact·65536 + signature) and
  // term.cutoff from the head shards.
  function lookup(m, terms, fresh, run) {
    return Promise.all(
      terms.map(function (t) {
        var i = runOf(m.bucketStart, bucketOf(t.text, m.hb.n));
        return loadShard(m.h, "h", i, run).then(function (shard) {
          var key = "h" + i + ":" + t.text, e = postingCache.get(key);
          if (!e || fresh) {
            var v = shard[t.text];
            e = { hits: new Map(), cutoff: 0, tail: false };
            if (typeof v === "string") decode(v, t.kind === 2, e.hits);
            else if (v) {
              decode(v[0], t.kind === 2, e.hits);
              e.cutoff = v[1];
            }
            postingCache.set(key, e);
          }
          t.entry = e;
          t.hits = e.hits;
          t.cutoff = e.tail ? 0 : e.cutoff;
        });
      })
    );
  }

  function loadTails(m, terms, run) {
    return Promise.all(
      terms
        .filter(function (t) {
          return t.cutoff > 0;
        })
        .map(function (t) {
          var i = bucketOf(t.text, m.t.n);
          return loadShard(m.t, "t", i, run).then(function (shard) {
            if (!t.entry.tail && shard[t.text]) decode(shard[t.text], t.kind === 2, t.entry.hits);
            t.entry.tail = true;
            t.cutoff = 0;
          });
        })
    );
  }

  // runOf returns the index of the run that holds item x, given the first
  // item of each run (and the end).
  function runOf(start, x) {
    var lo = 0, hi = start.length - 1;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (start[mid] <= x) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  // bucketOf hashes a token (FNV-1a over its code points) into n buckets,
  // as generator/search/tokenshards.go does.
  function bucketOf(token, n) {
    var h = 2166136261;
    for (var ch of token) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    return h % n;
  }

  function rotl8(x) {
    return ((x << 1) | (x >>> 7)) & 0xff;
  }

  // score sums impacts per section and adds the phrase bonus.
  function score(terms, pairs) {
    var scores = new Map();
    terms.forEach(function (t) {
      if (!t.hits) return;
      t.hits.forEach(function (v, doc) {
        scores.set(doc, (scores.get(doc) || 0) + t.w * Math.floor(v / 65536));
      });
    });
    pairs.forEach(function (p) {
      var a = terms[p[0]], b = terms[p[1]];
      if (!a.hits || !b.hits) return;
      var small = a.hits.size <= b.hits.size ? a : b, other = small === a ? b : a;
      small.hits.forEach(function (v, doc) {
        var u = other.hits.get(doc);
        if (u === undefined) return;
        var va = small === a ? v : u, vb = small === a ? u : v;
        if ((vb & 0xff) & rotl8(va & 0xff)) {
          var bonus = PHRASE * Math.min(a.w * Math.floor(va / 65536), b.w * Math.floor(vb / 65536));
          scores.set(doc, scores.get(doc) + bonus);
        }
      });
    });
    return scores;
  }

  // tailsNeeded reports whether a document outside the current top k could
  // still overtake it once the tails of common terms are read: each term's
  // cutoff bounds the impact of the sections left out of its head.
  function tailsNeeded(terms, pairs, scores, k) {
    var open = terms.filter(function (t) {
      return t.cutoff > 0;
    });
    if (!open.length) return false;
    var bound = 0;
    open.forEach(function (t) {
      bound += t.w * t.cutoff * (1 + PHRASE);
    });
    var list = Array.from(scores.values()).sort(function (a, b) {
      return b - a;
    });
    if (list.length < k) return true;
    var kth = list[k - 1], worst = bound;
    scores.forEach(function (s, doc) {
      if (s >= kth) return;
      var up = s;
      open.forEach(function (t) {
        if (!t.hits.has(doc)) up += t.w * t.cutoff * (1 + PHRASE);
      });
      worst = Math.max(worst, up);
    });
    return worst > kth;
  }

  // rank groups sections by page: a page scores its best section plus a
  // tenth of the others, and links to the best one.
  function rank(scores, limit) {
    var pages = new Map();
    scores.forEach(function (s, doc) {
      var page = Math.floor(doc / 4096), sec = doc % 4096, p = pages.get(page);
      if (!p) pages.set(page, { page: page, sec: sec, best: s, rest: 0 });
      else if (s > p.best || (s === p.best && sec < p.sec)) {
        p.rest += p.best;
        p.best = s;
        p.sec = sec;
      } else p.rest += s;
    });
    var list = Array.from(pages.values());
    list.forEach(function (p) {
      p.score = p.best + 0.1 * p.rest;
    });
    list.sort(function (a, b) {
      return b.score - a.score || a.page - b.page;
    });
    return { total: list.length, top: list.slice(0, limit) };
  }

  // pageData resolves to a page's display data, [url, title, kind,
  // description, sections], and its section texts.
  function pageData(m, page, run) {
    var lo = runOf(m.docStart, page);
    return loadShard(m.d, "d", lo, run).then(function (shard) {
      var k = page - m.docStart[lo];
      return sectionTexts(m, shard, run).then(function (t) {
        return { d: shard[0][k], texts: (t && t[k]) || [] };
      });
    });
  }

  // section returns [anchor, heading] of a document shard's section: a
  // heading alone stands for the anchor derived from it (ASCII letters in
  // lower case, spaces as "-"; generator/search/docshards.go).
  function section(s) {
    if (typeof s !== "string") return s || ["", ""];
    return [s.replace(/[A-Z ]/g, function (c) {
      return c === " " ? "-" : c.toLowerCase();
    }), s];
  }

  // sectionTexts inflates a document shard's texts (base92 of zlib, after
  // the dictionary's stream when the index has one: generator/search/
  // docshards.go). Without DecompressionStream (browsers before 2020–2023)
  // results show no snippets rather than fail.
  function sectionTexts(m, shard, run) {
    var p = texts.get(shard);
    if (!p) {
      p = Promise.resolve(null);
      if (typeof DecompressionStream === "function" && typeof Response === "function" && typeof TextDecoder === "function") {
        p = dictionary(m, run)
          .then(function (dict) {
            var parts = dict ? [dict.bytes, unpack(shard[1])] : [unpack(shard[1])];
            var stream = new Blob(parts).stream().pipeThrough(new DecompressionStream("deflate"));
            return new Response(stream).arrayBuffer().then(function (buf) {
              return JSON.parse(new TextDecoder().decode(new Uint8Array(buf, dict ? dict.length : 0)));
            });
          })
          .catch(function (err) {
            if (err === STALE) throw err;
            if (window.console) console.warn(err);
            return null;
          });
        var mine = p;
        p.catch(function () {
          if (texts.get(shard) === mine) texts.delete(shard); // a stale query's; the next one tries again
        });
      }
      texts.set(shard, p);
    }
    return p;
  }

  // dictionary resolves to the texts' dictionary, {length, bytes}, or null
  // when the index has none.
  function dictionary(m, run) {
    if (!m.z.n) return Promise.resolve(null);
    return loadShard(m.z, "z", 0, run).then(function (z) {
      if (!dictBytes) dictBytes = { length: z[0], bytes: unpack(z[1]) };
      return dictBytes;
    });
  }

  function pageHref(url, anchor) {
    var href = root() + url;
    // Folder URLs open a directory listing from file://.
    if (location.protocol === "file:" && (url === "" || url.slice(-1) === "/")) href += "index.html";
    if (anchor) href += "#" + encodeURIComponent(anchor);
    return href;
  }

  // search runs a query and resolves to {query, total, results, suggest};
  // each result has href, title, kind, label, heading and snippet {text,
  // marks}. opts.exact reads tails when needed for the exact top results;
  // opts.fresh decodes postings again instead of reusing them (for
  // benchmarks); opts.stale, a function, makes the query wait LOAD_DELAY ms
  // before loading files and give up (rejecting with search.STALE) if
  // stale() is then true.
  async function search(q, limit, opts) {
    limit = limit || DROPDOWN;
    var fresh = !!(opts && opts.fresh), exact = !!(opts && opts.exact);
    var run = { stale: opts && opts.stale, gate: null };
    var cps = codePoints(q).slice(0, MAX_QUERY);
    q = String.fromCodePoint.apply(String, cps);
    if (run.stale && !manifestPromise) await gate(run);
    var m = await manifest();
    await loadFold(m, q, run);
    var a = analyze(q);
    var out = { query: q, total: 0, results: [], suggest: m.suggest.map(function (s) {
      return { href: pageHref(s[0], ""), title: s[1] };
    }) };
    if (!a.terms.length) return out;
    await lookup(m, a.terms, fresh, run);
    // A pair the index does not know (a typo, a rare variant) gives more
    // weight to its two characters.
    var extra = [];
    a.terms.forEach(function (t) {
      if (t.kind !== 2 || t.hits.size) return;
      t.chars.forEach(function (c) {
        var have = a.terms.concat(extra).filter(function (x) {
          return x.text === c;
        })[0];
        if (have) have.w = Math.max(have.w, FALLBACK);
        else if (PARTICLES.indexOf(c) < 0) extra.push({ text: c, kind: 1, w: FALLBACK, chars: null });
      });
    });
    if (extra.length) {
      await lookup(m, extra, fresh, run);
      a.terms = a.terms.concat(extra);
    }
    var scores = score(a.terms, a.pairs);
    // Heads hold each token's best pages; results from heads alone are
    // off by at most the cutoffs of the tokens left out. The search page
    // asks for exact results and reads the tails when the heads cannot
    // decide; the box under the header, live as you type, does not.
    if (exact && tailsNeeded(a.terms, a.pairs, scores, limit)) {
      await loadTails(m, a.terms, run);
      scores = score(a.terms, a.pairs);
    }
    // Sections matched only by the single characters of longer runs are
    // kept only when nothing better matched (they would bury the results
    // under pages sharing one character with the query).
    var strong = new Map();
    a.terms.forEach(function (t) {
      if (!t.hits || (t.kind === 1 && t.w <= SINGLE)) return;
      t.hits.forEach(function (v, doc) {
        strong.set(doc, scores.get(doc));
      });
    });
    var r = rank(strong.size ? strong : scores, limit);
    out.total = r.total;
    // Highlight pairs, words and characters the reader typed alone; the
    // single characters of longer runs only when nothing else matched.
    var marks = {}, all = {};
    a.terms.forEach(function (t) {
      if (!t.hits || !t.hits.size) return;
      all[t.text] = true;
      if (t.kind !== 1 || t.w > SINGLE) marks[t.text] = true;
    });
    out.results = await Promise.all(
      r.top.map(function (p) {
        return pageData(m, p.page, run).then(function (pd) {
          var d = pd.d, sec = section(d[4][p.sec]), text = pd.texts[p.sec] || "";
          var snip = snippet(text, marks);
          if (!snip.marks.length && p.sec === 0 && d[3]) snip = snippet(d[3], marks);
          if (!snip.marks.length) snip = snippet(text || d[3], all);
          return {
            href: pageHref(d[0], sec[0]),
            title: d[1],
            kind: d[2],
            label: m.kinds[d[2]] || "",
            heading: sec[1],
            headingMarks: snippet(sec[1], marks, 1e9).marks,
            titleMarks: snippet(d[1], marks, 1e9).marks,
            snippet: snip,
            score: p.score,
            // why: each term's impact in the linked section, for tests and
            // for tuning the ranking.
            why: a.terms
              .filter(function (t) {
                return t.hits && t.hits.has(p.page * 4096 + p.sec);
              })
              .map(function (t) {
                return [t.text, Math.floor(t.hits.get(p.page * 4096 + p.sec) / 65536) * t.w];
              }),
          };
        });
      })
    );
    return out;
  }

  // snippet cuts text around its best cluster of matches and returns the
  // marks (code point ranges inside the cut text) to highlight.
  function snippet(text, terms, width) {
    width = width || SNIPPET;
    var cps = codePoints(text || ""), ranges = [];
    scan(cps, function (kind, t, s, e) {
      if (terms[t]) {
        var last = ranges[ranges.length - 1];
        if (last && s <= last[1]) last[1] = Math.max(last[1], e);
        else ranges.push([s, e]);
      }
    });
    var start = 0;
    if (cps.length > width && ranges.length) {
      var best = -1;
      for (var i = 0; i < ranges.length; i++) {
        var from = Math.max(0, ranges[i][0] - 12), n = 0;
        for (var j = i; j < ranges.length && ranges[j][1] <= from + width; j++) n++;
        if (n > best) {
          best = n;
          start = from;
        }
      }
    }
    var end = Math.min(cps.length, start + width);
    if (end === cps.length) start = Math.max(0, end - width);
    var marks = [];
    ranges.forEach(function (r) {
      if (r[0] >= start && r[1] <= end) marks.push([r[0] - start, r[1] - start]);
    });
    return {
      text: String.fromCodePoint.apply(String, cps.slice(start, end)),
      marks: marks,
      before: start > 0,
      after: end < cps.length,
    };
  }

  // ---- rendering (DOM text nodes only, never innerHTML) -------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function marked(tag, cls, text, marks, before, after) {
    var e = el(tag, cls), cps = codePoints(text), at = 0;
    function put(s) {
      if (s) e.appendChild(document.createTextNode(s));
    }
    if (before) put("…");
    marks.forEach(function (mk) {
      put(String.fromCodePoint.apply(String, cps.slice(at, mk[0])));
      e.appendChild(el("mark", "", String.fromCodePoint.apply(String, cps.slice(mk[0], mk[1]))));
      at = mk[1];
    });
    put(String.fromCodePoint.apply(String, cps.slice(at)));
    if (after) put("…");
    return e;
  }

  var optionSeq = 0;

  function resultItem(r, asOption) {
    var li = el("li", "search-result");
    if (asOption) {
      li.id = "search-opt-" + ++optionSeq;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
    }
    var a = el("a", "search-result-link");
    a.href = r.href;
    if (asOption) a.tabIndex = -1;
    var head = el("span", "search-result-head");
    if (r.label) head.appendChild(el("span", "search-kind", r.label));
    head.appendChild(marked("span", "search-result-title", r.title, r.titleMarks));
    a.appendChild(head);
    if (r.heading) a.appendChild(marked("span", "search-result-heading", r.heading, r.headingMarks));
    if (r.snippet.text)
      a.appendChild(marked("span", "search-snippet", r.snippet.text, r.snippet.marks, r.snippet.before, r.snippet.after));
    li.appendChild(a);
    return li;
  }

  function format(s, vars) {
    return String(s || "").replace(/\{(\w+)\}/g, function (all, k) {
      return vars[k] !== undefined ? vars[k] : all;
    });
  }

  function emptyState(box, strings, out) {
    var div = el("div", "search-empty");
    if (out.query.trim()) div.appendChild(el("p", "", format(strings.none, { q: out.query })));
    if (out.suggest.length) {
      div.appendChild(el("p", "", strings.suggest));
      var ul = el("ul", "search-suggest");
      out.suggest.forEach(function (s) {
        var li = el("li"), a = el("a", "", s.title);
        a.href = s.href;
        li.appendChild(a);
        ul.appendChild(li);
      });
      div.appendChild(ul);
    }
    box.appendChild(div);
  }

  // strings returns the UI strings of a search box or results page: the
  // node's data-search-* attribute when a theme's template sets one, else
  // the site's string in the bundle (Guidebook.strings["search.*"]), else
  // English.
  function strings(node) {
    var site = G.strings || {};
    function get(k, d) {
      return node.getAttribute("data-search-" + k) || site["search." + k] || d;
    }
    return {
      count: get("count", "{n} results"),
      none: get("none", "Nothing found for “{q}”."),
      suggest: get("suggest", "Try one of these:"),
      all: get("all", "All results"),
      error: get("error", "Search is not available."),
      label: get("results", "Search results"),
    };
  }

  function searchURL(q) {
    var page = root() + "search/" + (location.protocol === "file:" ? "index.html" : "");
    return page + "?q=" + encodeURIComponent(q);
  }

  // live returns an input handler that runs run(value, stale) at once on
  // every change outside IME composition; stale() tells a query that a
  // newer one has started, so it stops before loading files.
  function live(input, run) {
    var seq = 0;
    function go(e) {
      if (e && e.isComposing) return;
      var id = ++seq;
      run(input.value, function () {
        return id !== seq;
      });
    }
    input.addEventListener("input", go);
    input.addEventListener("compositionend", function () {
      go();
    });
  }

  // ---- the search box in the header -----------------------------------------

  function enhanceBox(form) {
    var input = form.querySelector("input[type=search]");
    if (!input || form.getAttribute("data-search-ready")) return;
    form.setAttribute("data-search-ready", "1");
    var str = strings(form), seq = 0, active = -1, options = [];
    var panel = el("div", "search-panel");
    panel.hidden = true;
    var status = el("p", "search-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var list = el("ul", "search-results");
    list.id = "search-listbox-" + ++optionSeq;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", str.label);
    var body = el("div", "search-panel-body");
    panel.appendChild(list);
    panel.appendChild(body);
    form.appendChild(status);
    form.appendChild(panel);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");

    function open(on) {
      panel.hidden = !on;
      input.setAttribute("aria-expanded", on ? "true" : "false");
      if (!on) select(-1);
    }
    function select(i) {
      if (options[active]) options[active].setAttribute("aria-selected", "false");
      active = i;
      if (options[i]) {
        options[i].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function render(out) {
      list.textContent = "";
      body.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      out.results.forEach(function (r) {
        var li = resultItem(r, true);
        options.push(li);
        list.appendChild(li);
      });
      if (!out.results.length) emptyState(body, str, out);
      else if (out.total > out.results.length) {
        var all = el("a", "search-all", str.all + " (" + out.total + ")");
        all.href = searchURL(out.query);
        body.appendChild(all);
      }
      status.textContent = out.query.trim() ? format(str.count, { n: out.total }) : "";
      open(true);
    }
    live(input, function (q, stale) {
      var id = ++seq;
      if (!q.trim()) {
        open(false);
        status.textContent = "";
        return;
      }
      search(q, DROPDOWN, { stale: stale }).then(
        function (out) {
          if (id === seq) render(out);
        },
        function (err) {
          if (id !== seq || err === STALE) return;
          status.textContent = str.error;
          if (window.console) console.warn(err);
        }
      );
    });
    input.addEventListener("focus", function () {
      if (input.value.trim() && (options.length || body.firstChild)) open(true);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (panel.hidden) {
          if (options.length) open(true);
          return;
        }
        e.preventDefault();
        var n = options.length;
        if (!n) return;
        select(e.key === "ArrowDown" ? (active + 1) % n : (active - 1 + n) % n);
      } else if (e.key === "Enter" && !panel.hidden && options[active]) {
        e.preventDefault();
        location.href = options[active].querySelector("a").href;
      } else if (e.key === "Escape") {
        if (!panel.hidden) {
          e.preventDefault();
          open(false);
        }
      }
    });
    form.addEventListener("submit", function (e) {
      // Enter on a selected result opens it (some browsers submit the form
      // even when keydown was handled). Otherwise the form works as without
      // JavaScript, except from file://, where the folder URL would open a
      // directory listing.
      if (!panel.hidden && options[active]) {
        e.preventDefault();
        location.href = options[active].querySelector("a").href;
      } else if (location.protocol === "file:") {
        e.preventDefault();
        location.href = searchURL(input.value);
      }
    });
    document.addEventListener("click", function (e) {
      if (!form.contains(e.target)) open(false);
    });
  }

  // ---- the search/ results page ------------------------------------------

  function enhancePage(box) {
    var form = box.querySelector("form"), input = form && form.querySelector("input[type=search]");
    var str = strings(box), seq = 0;
    var status = el("p", "search-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var list = el("ol", "search-page-results");
    var body = el("div", "search-page-body");
    box.appendChild(status);
    box.appendChild(list);
    box.appendChild(body);
    var q = new URLSearchParams(location.search).get("q") || "";
    if (input) input.value = q;
    function run(q, stale) {
      var id = ++seq;
      search(q, PAGE_LIMIT, { exact: true, stale: stale }).then(
        function (out) {
          if (id !== seq) return;
          list.textContent = "";
          body.textContent = "";
          out.results.forEach(function (r) {
            list.appendChild(resultItem(r, false));
          });
          if (!out.results.length) emptyState(body, str, out);
          status.textContent = out.query.trim() ? format(str.count, { n: out.total }) : "";
        },
        function (err) {
          if (id !== seq || err === STALE) return;
          status.textContent = str.error;
          if (window.console) console.warn(err);
        }
      );
    }
    if (input) {
      live(input, function (q, stale) {
        if (history.replaceState) history.replaceState(null, "", "?q=" + encodeURIComponent(q));
        run(q, stale);
      });
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        run(input.value);
      });
    }
    run(q);
  }

  function init() {
    var boxes = document.querySelectorAll("form[data-search-form]");
    for (var i = 0; i < boxes.length; i++) enhanceBox(boxes[i]);
    var page = document.querySelector("[data-search-page]");
    if (page) enhancePage(page);
    document.addEventListener("keydown", function (e) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      var t = e.target, tag = t && t.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
      var input = document.querySelector("[data-search-page] input[type=search]") ||
        document.querySelector("form[data-search-form] input[type=search]");
      if (input) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
  }

  api.tokenize = tokenize;
  api.tokenizeAsync = function (s) {
    return manifest().then(function (m) {
      return loadFold(m, s).then(function () {
        return tokenize(s);
      });
    });
  };
  api.query = search;
  // decodePostings is for tests: [[doc, impact·65536 + signature], …].
  api.decodePostings = function (packed, sig) {
    return Array.from(decode(packed, sig, new Map()));
  };
  api.STALE = STALE;

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
