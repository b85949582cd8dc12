import { randomUUID } from 'node:crypto';
import { type Received, type Receiver, startReceiver } from './receivers.js';

/** One Publish the fake SNS accepted. */
export interface Published {
  topicArn: string;
  subject: string | undefined;
  message: string;
}

/** A loopback SNS speaking the AWS Query protocol for Publish. */
export interface SnsSim {
  url: string;
  published: Published[];
  /** Every request, taken or not. */
  requests: Received[];
  close(): Promise<void>;
}

const NS = 'http://sns.amazonaws.com/doc/2010-03-31/';

function xmlError(code: string, message: string, type = 'Sender'): string {
  return `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}

/**
 * Starts a fake SNS: a form-encoded `Action=Publish` with a `TopicArn` and a `Message` (at most
 * 256 KB; a `Subject` under 100 characters, one line) answers the XML `PublishResponse`; anything
 * else a Query-protocol error. `fail(n)` makes the n-th request answer that status (e.g. 500).
 */
export async function startSnsSim(
  fail: (n: number) => number | undefined = () => undefined,
): Promise<SnsSim> {
  const published: Published[] = [];
  const receiver: Receiver = await startReceiver((n, request) => {
    const failure = fail(n);
    if (failure !== undefined) {
      return { status: failure, body: xmlError('InternalError', 'simulated failure', 'Receiver') };
    }
    const form = new URLSearchParams(request.body);
    if (form.get('Action') !== 'Publish')
      return { status: 400, body: xmlError('InvalidAction', 'unsupported') };
    const topicArn = form.get('TopicArn');
    const message = form.get('Message');
    const subject = form.get('Subject') ?? undefined;
    if (!topicArn || message === null)
      return { status: 400, body: xmlError('InvalidParameter', 'missing') };
    if (Buffer.byteLength(message) > 256 * 1024) {
      return { status: 400, body: xmlError('InvalidParameter', 'Message too long') };
    }
    if (subject !== undefined && (subject.length >= 100 || /[\r\n]/.test(subject))) {
      return { status: 400, body: xmlError('InvalidParameter', 'Subject') };
    }
    published.push({ topicArn, subject, message });
    return {
      status: 200,
      body: `<PublishResponse xmlns="${NS}"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
    };
  });
  return { url: receiver.url, published, requests: receiver.received, close: receiver.close };
}
