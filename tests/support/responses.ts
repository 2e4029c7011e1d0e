// An HTTP answer as the tests look at it: status, the body as text (what must not leak), and the JSON when it is JSON.
export interface ReadResponse {
  status: number;
  text: string;
  json: any;
}

export async function readResponse(response: Response): Promise<ReadResponse> {
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}
