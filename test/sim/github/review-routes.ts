import type { ReviewWorld, SimIssue, SimPull } from './review-world.js';
import type { GitHubReply } from './server.js';

const MAX_BODY = 65_536;

/** Answers the pulls, issues, comments and labels endpoints, or undefined for other paths. */
export function answerReview(
  world: ReviewWorld,
  method: string,
  path: string,
  body: Record<string, unknown>,
  query: URLSearchParams,
): GitHubReply | undefined {
  let match: RegExpExecArray | null;
  if (path === '/pulls' && method === 'GET') {
    const state = query.get('state') ?? 'open';
    const head = query.get('head');
    const pulls = world.pulls.filter(
      (p) =>
        (state === 'all' || p.state === state) &&
        (head === null || `${world.repo.owner}:${p.head}` === head),
    );
    return { status: 200, body: page(pulls, query).map((p) => pullBody(world, p)) };
  }
  if (path === '/pulls' && method === 'POST') {
    const head = String(body['head'] ?? '').replace(/^[^:]+:/, '');
    const base = String(body['base'] ?? '');
    const text = String(body['body'] ?? '');
    if (text.length > MAX_BODY) return tooLong();
    if (!world.repo.store.ref(`refs/heads/${head}`)) {
      return invalid('head', 'invalid');
    }
    if (world.pulls.some((p) => p.state === 'open' && p.head === head && p.base === base)) {
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ message: `A pull request already exists for ${world.repo.owner}:${head}.` }],
        },
      };
    }
    const pull: SimPull = {
      number: world.nextNumber(),
      title: String(body['title'] ?? ''),
      body: text,
      state: 'open',
      merged: false,
      head,
      base,
      labels: [],
      approvals: [],
      updatedAt: world.now(),
    };
    world.pulls.push(pull);
    return { status: 201, body: pullBody(world, pull) };
  }
  match = /^\/pulls\/(\d+)$/.exec(path);
  if (match) {
    const pull = world.pulls.find((p) => p.number === Number(match?.[1]));
    if (!pull) return { status: 404, body: { message: 'Not Found' } };
    if (method === 'GET') return { status: 200, body: pullBody(world, pull) };
    if (method === 'PATCH') {
      if (typeof body['body'] === 'string') {
        if (body['body'].length > MAX_BODY) return tooLong();
        pull.body = body['body'];
      }
      if (typeof body['title'] === 'string') pull.title = body['title'];
      if (body['state'] === 'closed' || body['state'] === 'open') pull.state = body['state'];
      pull.updatedAt = world.now();
      return { status: 200, body: pullBody(world, pull) };
    }
  }
  match = /^\/pulls\/(\d+)\/reviews$/.exec(path);
  if (match && method === 'GET') {
    const pull = world.pulls.find((p) => p.number === Number(match?.[1]));
    if (!pull) return { status: 404, body: { message: 'Not Found' } };
    return {
      status: 200,
      body: pull.approvals.map((login, index) => ({
        id: index + 1,
        user: { login },
        state: 'APPROVED',
      })),
    };
  }
  match = /^\/pulls\/(\d+)\/commits$/.exec(path);
  if (match && method === 'GET') {
    const pull = world.pulls.find((p) => p.number === Number(match?.[1]));
    if (!pull) return { status: 404, body: { message: 'Not Found' } };
    return { status: 200, body: pullCommits(world, pull) };
  }
  if (path === '/issues' && method === 'GET') {
    const state = query.get('state') ?? 'open';
    const labels = query.get('labels')?.split(',').filter(Boolean) ?? [];
    const issues = world.issues.filter(
      (i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)),
    );
    // GitHub's default order is the newest first (sort=created, direction=desc).
    if ((query.get('direction') ?? 'desc') === 'desc') issues.reverse();
    return { status: 200, body: page(issues, query).map((i) => issueBody(i)) };
  }
  if (path === '/issues' && method === 'POST') {
    const text = String(body['body'] ?? '');
    if (text.length > MAX_BODY) return tooLong();
    const issue: SimIssue = {
      number: world.nextNumber(),
      title: String(body['title'] ?? ''),
      body: text,
      state: 'open',
      labels: Array.isArray(body['labels']) ? body['labels'].map(String) : [],
      updatedAt: world.now(),
    };
    for (const label of issue.labels) world.labels.add(label);
    world.issues.push(issue);
    return { status: 201, body: issueBody(issue) };
  }
  match = /^\/issues\/(\d+)$/.exec(path);
  if (match) {
    const issue = world.issues.find((i) => i.number === Number(match?.[1]));
    if (!issue) return { status: 404, body: { message: 'Not Found' } };
    if (method === 'GET') return { status: 200, body: issueBody(issue) };
    if (method === 'PATCH') {
      if (typeof body['body'] === 'string') {
        if (body['body'].length > MAX_BODY) return tooLong();
        issue.body = body['body'];
      }
      if (typeof body['title'] === 'string') issue.title = body['title'];
      if (body['state'] === 'closed' || body['state'] === 'open') issue.state = body['state'];
      issue.updatedAt = world.now();
      return { status: 200, body: issueBody(issue) };
    }
  }
  match = /^\/issues\/(\d+)\/labels$/.exec(path);
  if (match && method === 'POST') {
    const number = Number(match[1]);
    const target =
      world.pulls.find((p) => p.number === number) ?? world.issues.find((i) => i.number === number);
    if (!target) return { status: 404, body: { message: 'Not Found' } };
    const labels = Array.isArray(body['labels']) ? body['labels'].map(String) : [];
    for (const label of labels) {
      world.labels.add(label);
      if (!target.labels.includes(label)) target.labels.push(label);
    }
    return { status: 200, body: target.labels.map((name) => ({ name })) };
  }
  match = /^\/issues\/(\d+)\/comments$/.exec(path);
  if (match) {
    const number = Number(match[1]);
    if (method === 'GET') {
      return {
        status: 200,
        body: page(
          world.comments.filter((c) => c.issue === number),
          query,
        ).map((c) => ({ id: c.id, body: c.body })),
      };
    }
    if (method === 'POST') {
      const text = String(body['body'] ?? '');
      if (text.length > MAX_BODY) return tooLong();
      const comment = { id: world.nextCommentId(), issue: number, body: text };
      world.comments.push(comment);
      return { status: 201, body: { id: comment.id, body: comment.body } };
    }
  }
  match = /^\/issues\/comments\/(\d+)$/.exec(path);
  if (match && method === 'PATCH') {
    const comment = world.comments.find((c) => c.id === Number(match?.[1]));
    if (!comment) return { status: 404, body: { message: 'Not Found' } };
    comment.body = String(body['body'] ?? '');
    return { status: 200, body: { id: comment.id, body: comment.body } };
  }
  if (path === '/labels' && method === 'POST') {
    const name = String(body['name'] ?? '');
    if (world.labels.has(name)) return invalid('name', 'already_exists');
    world.labels.add(name);
    return { status: 201, body: { name, color: body['color'] ?? 'ededed' } };
  }
  return undefined;
}

function page<T>(items: readonly T[], query: URLSearchParams): T[] {
  const perPage = Math.min(Number(query.get('per_page') ?? 30), 100);
  const number = Number(query.get('page') ?? 1);
  return items.slice((number - 1) * perPage, number * perPage);
}

function pullBody(world: ReviewWorld, pull: SimPull) {
  const { store, owner } = world.repo;
  return {
    number: pull.number,
    title: pull.title,
    body: pull.body,
    state: pull.state,
    merged: pull.merged,
    merged_at: pull.merged ? pull.updatedAt : null,
    merged_by: pull.mergedBy ? { login: pull.mergedBy } : null,
    updated_at: pull.updatedAt,
    html_url: `https://github.example/${owner}/${world.repo.name}/pull/${pull.number}`,
    head: {
      ref: pull.head,
      sha: store.ref(`refs/heads/${pull.head}`) ?? null,
      label: `${owner}:${pull.head}`,
    },
    base: { ref: pull.base, sha: store.ref(`refs/heads/${pull.base}`) ?? null },
    labels: pull.labels.map((name) => ({ name })),
  };
}

function pullCommits(world: ReviewWorld, pull: SimPull) {
  const { store } = world.repo;
  const head = store.ref(`refs/heads/${pull.head}`);
  const base = store.ref(`refs/heads/${pull.base}`);
  if (!head || !base) return [];
  const shas = store
    .git(['rev-list', '--reverse', `${base}..${head}`])
    .split('\n')
    .filter(Boolean);
  return shas.map((sha) => {
    const commit = store.readCommit(sha);
    const name = (line: string | undefined) => /^(.*?) </.exec(line ?? '')?.[1] ?? '';
    const email = (line: string | undefined) => /<(.*)>/.exec(line ?? '')?.[1] ?? '';
    return {
      sha,
      commit: {
        message: commit?.message ?? '',
        author: { name: name(commit?.author), email: email(commit?.author) },
        committer: { name: name(commit?.committer), email: email(commit?.committer) },
      },
    };
  });
}

function issueBody(issue: SimIssue) {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: issue.labels.map((name) => ({ name })),
    updated_at: issue.updatedAt,
    html_url: `https://github.example/issues/${issue.number}`,
  };
}

function tooLong(): GitHubReply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ message: 'body is too long (maximum is 65536 characters)' }],
    },
  };
}

function invalid(field: string, code: string): GitHubReply {
  return { status: 422, body: { message: 'Validation Failed', errors: [{ field, code }] } };
}
