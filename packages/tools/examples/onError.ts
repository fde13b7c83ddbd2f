// #region onError
import { z } from 'zod';
import { createSdkMcpServer, tool } from '../src/index.js';

const refund = tool('refund', 'Refund an order', { orderId: z.string() }, async ({ orderId }) => {
  const response = await fetch(`https://payments.example.test/refunds/${orderId}`, {
    method: 'POST',
  });
  return `Refund ${orderId}: ${response.status}`;
});

export const payments = createSdkMcpServer({
  name: 'payments',
  tools: [refund],
  // Without this hook the error and its stack go to stderr. The model gets one safe line either way.
  onError(error, { serverName, toolName, toolUseId, input }) {
    console.error(`${serverName}/${toolName} failed (${toolUseId ?? 'direct call'})`, input, error);
    // Optional: replace what the model reads.
    return `Tool "${toolName}" failed: the payment service is unreachable; try again later.`;
  },
});
// #endregion onError
