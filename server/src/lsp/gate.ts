/**
 * Protocol manners, before any handler runs: a message that is no JSON gets ParseError; a request before
 * `initialize` gets ServerNotInitialized and a notification then is dropped; a request after `shutdown` gets
 * InvalidRequest; a request whose params are null or of the wrong type gets InvalidParams (never an internal error
 * with a TypeError's text). A notification with such params is dropped. Everything else goes on unchanged.
 */

import {
  ErrorCodes,
  Message,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type RequestMessage,
} from 'vscode-languageserver/node';

type Check = (params: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isPosition = (v: unknown): boolean => isObject(v) && isCount(v['line']) && isCount(v['character']);
const isRange = (v: unknown): boolean => isObject(v) && isPosition(v['start']) && isPosition(v['end']);

/** A check that params are an object whose fields pass their checks; the first failure is named. */
function shape(fields: Record<string, (v: unknown) => boolean>): Check {
  return (params) => {
    if (!isObject(params)) return 'params 应为对象';
    for (const [name, ok] of Object.entries(fields)) if (!ok(params[name])) return `params.${name} 无效`;
    return undefined;
  };
}

const textDocument = (v: unknown): boolean => isObject(v) && typeof v['uri'] === 'string';
const versioned = (v: unknown): boolean =>
  textDocument(v) && Number.isSafeInteger((v as Record<string, unknown>)['version']);

/** The params each method the server answers needs. */
const REQUESTS: Record<string, Check> = {
  initialize: shape({}),
  'textDocument/hover': shape({ textDocument, position: isPosition }),
  'textDocument/documentSymbol': shape({ textDocument }),
  'textDocument/foldingRange': shape({ textDocument }),
  'textDocument/inlayHint': shape({ textDocument, range: isRange }),
  'textDocument/codeAction': shape({
    textDocument,
    range: isRange,
    context: (v) => isObject(v) && Array.isArray(v['diagnostics']),
  }),
  'nianbao/checkAsReport': shape({ uri: (v) => typeof v === 'string' }),
};

const NOTIFICATIONS: Record<string, Check> = {
  'textDocument/didOpen': shape({
    textDocument: (v) =>
      textDocument(v) &&
      typeof (v as Record<string, unknown>)['text'] === 'string' &&
      typeof (v as Record<string, unknown>)['languageId'] === 'string' &&
      Number.isSafeInteger((v as Record<string, unknown>)['version']),
  }),
  'textDocument/didChange': shape({ textDocument: versioned, contentChanges: Array.isArray }),
  'textDocument/didClose': shape({ textDocument }),
};

/** Wraps the connection's reader: only messages a handler can take reach the connection. */
export class GatedReader implements MessageReader {
  private state: 'new' | 'running' | 'shutdown' = 'new';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    inner.onError((err) => {
      if (err instanceof SyntaxError) this.reply(null, ErrorCodes.ParseError, `消息不是有效的 JSON：${err.message}`);
    });
  }

  get onError(): MessageReader['onError'] {
    return this.inner.onError;
  }

  get onClose(): MessageReader['onClose'] {
    return this.inner.onClose;
  }

  get onPartialMessage(): MessageReader['onPartialMessage'] {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  private admit(message: Message): boolean {
    if (Message.isResponse(message)) return true;
    if (Message.isRequest(message)) return this.request(message);
    if (Message.isNotification(message)) return this.notification(message);
    const raw: unknown = message;
    const id = isObject(raw) && (typeof raw['id'] === 'number' || typeof raw['id'] === 'string') ? raw['id'] : null;
    this.reply(id, ErrorCodes.InvalidRequest, '不是 JSON-RPC 请求或通知');
    return false;
  }

  private request(m: RequestMessage): boolean {
    if (this.state === 'new' && m.method !== 'initialize') {
      this.reply(m.id, ErrorCodes.ServerNotInitialized, `服务器尚未初始化，不能处理“${m.method}”`);
      return false;
    }
    if (this.state === 'shutdown') {
      this.reply(m.id, ErrorCodes.InvalidRequest, `服务器已关闭（shutdown），不能处理“${m.method}”`);
      return false;
    }
    const problem = REQUESTS[m.method]?.(m.params);
    if (problem) {
      this.reply(m.id, ErrorCodes.InvalidParams, `“${m.method}”的参数无效：${problem}`);
      return false;
    }
    if (m.method === 'initialize') this.state = 'running';
    else if (m.method === 'shutdown') this.state = 'shutdown';
    return true;
  }

  private notification(m: NotificationMessage): boolean {
    if (m.method === 'exit') return true;
    if (this.state !== 'running') return false;
    return NOTIFICATIONS[m.method]?.(m.params) === undefined;
  }

  private reply(id: RequestMessage['id'] | null, code: number, message: string): void {
    void this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message);
  }
}
