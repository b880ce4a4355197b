/** The smallest Lambda handler: the baseline that cold starts are compared with. */
export const handler = async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"data":{"hello":"world"}}',
});
