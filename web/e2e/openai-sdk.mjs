// The openai npm package driving the platform's OpenAI-compatible /v1 through the gateway, one check per row of
// issue 15's "/v1 parity" list. Usage:
//   node e2e/openai-sdk.mjs <gateway-url> <api-key> <passthrough-model> <throttled-model>
// The passthrough model is an OpenAI-compatible provider that answers a request declaring tools with a call of
// get_weather (and a request carrying the tool's result with text); the throttled one answers 429. The SDK's own
// retries are off so each check sees the platform's answer. Prints one line per passed check; exits 1 on the first
// failure.
import OpenAI from 'openai';

const [gateway, apiKey, passthrough, throttled] = process.argv.slice(2);
if (!gateway || !apiKey || !passthrough || !throttled) {
  console.error('usage: node e2e/openai-sdk.mjs <gateway-url> <api-key> <passthrough-model> <throttled-model>');
  process.exit(2);
}
const local = 'local/local-ngram';
const client = new OpenAI({ apiKey, baseURL: `${gateway}/v1`, maxRetries: 0, timeout: 60_000 });
const passed = (text) => console.log(`openai-sdk: ${text}`);
const check = (condition, message) => { if (!condition) throw new Error(message); };
const rain = [{ role: 'user', content: 'Explain how rain forms.' }];

/** The SDK's error for a refused call, checked for its class, status and OpenAI error fields. */
async function refused(call, errorClass, status, fields) {
  try {
    await call();
  } catch (e) {
    check(e instanceof errorClass, `expected ${errorClass.name}, got ${e?.constructor?.name}: ${e?.message}`);
    check(e.status === status, `expected status ${status}, got ${e.status}: ${e.message}`);
    for (const [name, value] of Object.entries(fields)) check(e[name] === value, `expected ${name} ${value}, got ${e[name]} (${e.message})`);
    check(!/no body/.test(e.message), `the SDK showed no body: ${e.message}`);
    check(/^req_[0-9a-f]{32}$/.test(e.requestID ?? ''), `no x-request-id on the refusal: ${e.requestID}`);
    return e;
  }
  throw new Error(`expected ${status}, but the call succeeded`);
}

async function chatCreate() {
  const completion = await client.chat.completions.create({ model: local, messages: rain, max_tokens: 24, temperature: 0.9, seed: 31337 });
  check(completion.object === 'chat.completion', `object ${completion.object}`);
  check(completion.choices[0].message.content.trim().length > 0, 'empty answer');
  const usage = completion.usage;
  check(usage.completion_tokens > 0 && usage.completion_tokens <= 24, `completion_tokens ${usage.completion_tokens}`);
  check(usage.total_tokens === usage.prompt_tokens + usage.completion_tokens, 'total_tokens is not the sum');
  check(usage.cost === 0, `the built-in engine's cost is ${usage.cost}`);
  check(/^req_[0-9a-f]{32}$/.test(completion._request_id ?? ''), `x-request-id ${completion._request_id}`);
  passed(`chat.completions.create: ${usage.completion_tokens} tokens, cost ${usage.cost}, request id ${completion._request_id}`);
  return completion;
}

async function chatStream(whole) {
  const body = { model: local, messages: rain, max_tokens: 24, temperature: 0.9, seed: 31337, stream: true };
  const chunks = [];
  for await (const chunk of await client.chat.completions.create({ ...body, stream_options: { include_usage: true } })) chunks.push(chunk);
  const text = chunks.flatMap((c) => c.choices.map((choice) => choice.delta.content ?? '')).join('');
  check(text === whole.choices[0].message.content, `streamed text differs: "${text}" vs "${whole.choices[0].message.content}"`);
  const last = chunks.at(-1);
  check(last.choices.length === 0 && last.usage?.completion_tokens === whole.usage.completion_tokens, `last chunk ${JSON.stringify(last)}`);
  check(chunks.slice(0, -1).every((c) => !c.usage), 'usage before the last chunk');
  check(['stop', 'length'].includes(chunks.at(-2).choices[0].finish_reason), 'no finish reason before the usage chunk');
  const plain = [];
  for await (const chunk of await client.chat.completions.create(body)) plain.push(chunk);
  check(plain.every((c) => !c.usage), 'usage sent without stream_options.include_usage');
  // The SDK's stream helper accumulates the chunks into a completion.
  const helper = client.chat.completions.stream({ ...body, stream_options: { include_usage: true } });
  const final = await helper.finalChatCompletion();
  check(final.choices[0].message.content === whole.choices[0].message.content, 'the stream helper assembled a different text');
  passed(`chat.completions stream: ${chunks.length} chunks, usage only in the last (include_usage), none without it; stream helper agrees`);
}

async function toolsRoundTrip() {
  const tools = [{
    type: 'function',
    function: { name: 'get_weather', description: 'The weather in a city.', strict: true,
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } },
  }];
  const question = [{ role: 'user', content: 'What is the weather in Oslo?' }];
  const first = await client.chat.completions.create({ model: passthrough, messages: question, tools, tool_choice: { type: 'function', function: { name: 'get_weather' } }, parallel_tool_calls: false });
  const choice = first.choices[0];
  check(choice.finish_reason === 'tool_calls', `finish_reason ${choice.finish_reason}`);
  const call = choice.message.tool_calls?.[0];
  check(call?.function.name === 'get_weather' && JSON.parse(call.function.arguments).city === 'Oslo', `tool call ${JSON.stringify(call)}`);
  const answer = await client.chat.completions.create({
    model: passthrough, tools,
    messages: [...question, choice.message, { role: 'tool', tool_call_id: call.id, content: 'Rain, 8 °C.' }],
  });
  check(answer.choices[0].finish_reason === 'stop' && answer.choices[0].message.content.length > 0, `answer after the tool ${JSON.stringify(answer.choices[0])}`);
  check(answer.usage.cost > 0, `a priced provider's cost is ${answer.usage.cost}`);
  passed(`tools: call ${call.id} get_weather(${call.function.arguments}), role "tool" result answered with text, cost ${answer.usage.cost}`);

  const e = await refused(() => client.chat.completions.create({ model: local, messages: question, tools }), OpenAI.BadRequestError, 400, { param: 'tools', type: 'invalid_request_error' });
  passed(`tools on the built-in engine: 400 naming tools (${e.message})`);
}

async function jsonMode() {
  const json = await client.chat.completions.create({ model: passthrough, messages: [{ role: 'user', content: 'Weather in Oslo as JSON.' }], response_format: { type: 'json_object' } });
  check(json.choices[0].message.content.length > 0, 'no answer in json mode');
  const schema = await client.chat.completions.create({
    model: passthrough, messages: [{ role: 'user', content: 'Weather as JSON.' }],
    response_format: { type: 'json_schema', json_schema: { name: 'weather', strict: true, schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } } },
  });
  check(schema.choices.length === 1, 'no answer with a json_schema');
  const e = await refused(() => client.chat.completions.create({ model: local, messages: rain, response_format: { type: 'json_object' } }), OpenAI.BadRequestError, 400, { param: 'response_format' });
  passed(`response_format json_object/json_schema passed to the OpenAI-compatible provider; the built-in engine refuses: ${e.message}`);
}

async function logprobs() {
  const completion = await client.chat.completions.create({ model: local, messages: [{ role: 'user', content: 'Tell me about mountains.' }], max_tokens: 12, temperature: 0.7, seed: 3, logprobs: true, top_logprobs: 3 });
  const tokens = completion.choices[0].logprobs.content;
  check(tokens.map((t) => t.token).join('') === completion.choices[0].message.content, 'the tokens do not spell the answer');
  check(tokens.length === completion.usage.completion_tokens, `${tokens.length} tokens, usage says ${completion.usage.completion_tokens}`);
  for (const t of tokens) {
    check(t.logprob <= 0 && t.logprob > -50, `logprob ${t.logprob}`);
    check(t.top_logprobs.length >= 1 && t.top_logprobs.length <= 3, `${t.top_logprobs.length} alternatives`);
    check(t.logprob <= t.top_logprobs[0].logprob + 1e-4, 'a drawn token likelier than the most likely alternative');
    check(t.top_logprobs.reduce((sum, a) => sum + Math.exp(a.logprob), 0) <= 1.0001, 'alternatives sum over 1');
  }
  const upstream = await client.chat.completions.create({ model: passthrough, messages: [{ role: 'user', content: 'Say something.' }], logprobs: true, top_logprobs: 2 });
  check(upstream.choices[0].logprobs.content.every((t) => t.logprob === -0.25 && t.top_logprobs.length === 2), 'the provider\'s logprobs were not passed on');
  passed(`logprobs: ${tokens.length} tokens from the built-in engine (first ${tokens[0].token.trim()} at ${tokens[0].logprob.toFixed(3)}), the provider's passed on`);
}

async function severalChoices() {
  const completion = await client.chat.completions.create({ model: local, messages: [{ role: 'user', content: 'Describe the sea.' }], n: 2, seed: 5, temperature: 1, max_tokens: 20 });
  check(completion.choices.map((c) => c.index).join() === '0,1', `indexes ${completion.choices.map((c) => c.index)}`);
  check(completion.choices[0].message.content !== completion.choices[1].message.content, 'the two choices are the same text');
  const alone = await client.chat.completions.create({ model: local, messages: [{ role: 'user', content: 'Describe the sea.' }], seed: 5, temperature: 1, max_tokens: 20 });
  check(completion.usage.prompt_tokens === 2 * alone.usage.prompt_tokens, 'usage does not count both choices\' prompts');
  passed(`n=2: two different choices, ${completion.usage.prompt_tokens} prompt tokens (2 × ${alone.usage.prompt_tokens})`);
}

async function models() {
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  check(ids.includes(local) && ids.includes(passthrough), `models.list: ${ids.join(', ')}`);
  const model = await client.models.retrieve(local);
  check(model.id === local && model.owned_by === 'local' && model.object === 'model', `models.retrieve ${JSON.stringify(model)}`);
  const e = await refused(() => client.models.retrieve('local/no-such-model'), OpenAI.NotFoundError, 404, { code: 'model_not_found' });
  passed(`models.list (${ids.length} models), models.retrieve(${local}), unknown id: ${e.message}`);
}

async function errors() {
  for (const model of ['nowhere/some-model', 'local/gpt-9']) {
    const e = await refused(() => client.chat.completions.create({ model, messages: rain }), OpenAI.NotFoundError, 404, { code: 'model_not_found', param: 'model' });
    check(e.message.includes(model), `the message does not name ${model}: ${e.message}`);
  }
  passed('unknown models: 404 model_not_found naming the model');

  const stranger = new OpenAI({ apiKey: 'sk-not-a-key-of-this-platform', baseURL: `${gateway}/v1`, maxRetries: 0 });
  const e401 = await refused(() => stranger.chat.completions.create({ model: local, messages: rain }), OpenAI.AuthenticationError, 401, { code: 'invalid_api_key', type: 'invalid_request_error' });
  check(e401.message.includes('not a key of this platform'), `the SDK's message: ${e401.message}`);
  passed(`wrong key: the SDK shows "${e401.message}"`);

  const e400 = await refused(() => client.chat.completions.create({ model: local, messages: rain, temperature: 3 }), OpenAI.BadRequestError, 400, { param: 'temperature', code: 'invalid_value' });
  passed(`bad value: ${e400.message}`);

  const e429 = await refused(() => client.chat.completions.create({ model: throttled, messages: rain }), OpenAI.RateLimitError, 429, { code: 'rate_limit_exceeded' });
  const retryAfter = Number(e429.headers?.get('retry-after'));
  check(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${e429.headers?.get('retry-after')}`);
  passed(`provider 429: RateLimitError with Retry-After ${retryAfter} s (${e429.message})`);
}

async function embeddings() {
  // The SDK asks for base64 and decodes it to floats.
  const result = await client.embeddings.create({ model: 'local', input: ['rivers flow to the sea', 'rivers flow to the sea', 'tax returns are due'] });
  check(result.data.length === 3 && result.data.every((d, i) => d.index === i && d.embedding.length === 256), `embeddings ${result.data.map((d) => d.embedding.length)}`);
  check(result.data[0].embedding.every((v, i) => v === result.data[1].embedding[i]), 'the same text embedded differently');
  check(result.usage.prompt_tokens > 0, 'no usage');
  const short = await client.embeddings.create({ model: 'local', input: 'owls', dimensions: 64, encoding_format: 'float' });
  check(short.data[0].embedding.length === 64, `dimensions 64 gave ${short.data[0].embedding.length}`);
  passed(`embeddings.create: 3 × 256 floats (base64 decoded by the SDK), dimensions 64`);
}

async function responses() {
  const response = await client.responses.create({ model: local, instructions: 'Answer briefly.', input: 'Explain how rain forms.', max_output_tokens: 16, temperature: 0.5 });
  check(response.object === 'response' && ['completed', 'incomplete'].includes(response.status), `status ${response.status}`);
  check(response.output_text.trim().length > 0, 'no output_text');
  check(response.usage.output_tokens > 0 && response.usage.output_tokens <= 16, `output_tokens ${response.usage.output_tokens}`);
  check(response.usage.total_tokens === response.usage.input_tokens + response.usage.output_tokens, 'total_tokens is not the sum');
  passed(`responses.create: "${response.output_text.slice(0, 40)}…", ${response.usage.output_tokens} tokens`);

  const upstream = await client.responses.create({ model: passthrough, input: [{ role: 'user', content: [{ type: 'input_text', text: 'Hello.' }] }] });
  check(upstream.status === 'completed' && upstream.output_text.length > 0, `upstream response ${upstream.status}`);

  // stream: true — the raw events, then the SDK's stream helper, which checks their order and identities.
  const body = { model: local, input: 'Explain how rain forms.', max_output_tokens: 16, temperature: 0 };
  const types = [];
  let text = '';
  let completed;
  for await (const event of await client.responses.create({ ...body, stream: true })) {
    types.push(event.type);
    check(event.sequence_number === types.length - 1, `sequence_number ${event.sequence_number} at event ${types.length - 1}`);
    if (event.type === 'response.output_text.delta') text += event.delta;
    if (event.type === 'response.completed' || event.type === 'response.incomplete') completed = event.response;
  }
  check(types[0] === 'response.created' && types.includes('response.output_text.delta') && ['response.completed', 'response.incomplete'].includes(types.at(-1)), `events ${types.join(' ')}`);
  check(completed.output[0].content[0].text === text && text.length > 0, 'the deltas do not add up to the final text');
  check(completed.usage.output_tokens > 0, 'no usage on the final event');
  const whole = await client.responses.create(body);
  check(whole.output_text === text, `streamed "${text}" but whole "${whole.output_text}" at temperature 0`);
  const helper = client.responses.stream(body);
  let helperDeltas = '';
  helper.on('response.output_text.delta', (event) => { helperDeltas += event.delta; });
  const final = await helper.finalResponse();
  check(final.output_text === text && helperDeltas === text, `the stream helper assembled "${final.output_text}"`);
  passed(`responses stream: ${types.length} events (${[...new Set(types)].join(', ')}); the stream helper's final response agrees`);

  const e = await refused(() => client.responses.create({ model: local, input: 'Hi', store: true }), OpenAI.BadRequestError, 400, { param: 'store' });
  passed(`responses store: true refused: ${e.message}`);
}

async function completions() {
  const whole = await client.completions.create({ model: local, prompt: 'The weather today', n: 2, seed: 8, temperature: 1 });
  check(whole.object === 'text_completion' && whole.choices.length === 2 && whole.choices.every((c) => c.text.trim().length > 0), `completions ${JSON.stringify(whole.choices)}`);
  const chunks = [];
  for await (const chunk of await client.completions.create({ model: local, prompt: 'The weather today', seed: 8, temperature: 0, max_tokens: 12, stream: true, stream_options: { include_usage: true } })) chunks.push(chunk);
  const text = chunks.flatMap((c) => c.choices.map((choice) => choice.text)).join('');
  const same = await client.completions.create({ model: local, prompt: 'The weather today', seed: 8, temperature: 0, max_tokens: 12 });
  check(text === same.choices[0].text, `streamed "${text}" but whole "${same.choices[0].text}"`);
  check(chunks.every((c) => c.object === 'text_completion'), 'a chunk is not a text_completion');
  check(chunks.at(-1).choices.length === 0 && chunks.at(-1).usage.completion_tokens === same.usage.completion_tokens, `usage chunk ${JSON.stringify(chunks.at(-1))}`);
  const e = await refused(() => client.completions.create({ model: local, prompt: 'x', echo: true }), OpenAI.BadRequestError, 400, { param: 'echo' });
  passed(`completions: n=2 whole, streamed ${chunks.length} text_completion chunks with usage last; echo refused (${e.message})`);
}

try {
  const whole = await chatCreate();
  await chatStream(whole);
  await severalChoices();
  await logprobs();
  await jsonMode();
  await models();
  await errors();
  await embeddings();
  await responses();
  await completions();
  // Last, so the test can read what the provider received: the tool round trip ends with the role "tool" message.
  await toolsRoundTrip();
  passed('all checks passed');
} catch (e) {
  console.error(`openai-sdk: FAILED: ${e.stack ?? e}`);
  process.exit(1);
}
