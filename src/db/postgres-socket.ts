/** The socket postgres.js talks over (its `socket` option): a close we did not ask for fails the query, never hangs it. */
import { connect, type Socket } from 'node:net'

/** The parts of postgres.js's parsed options a socket needs. */
interface Target { host: string[], port: number[], path?: string | false }

/** A PostgreSQL CancelRequest is exactly this long, and the server closes silently after reading it. */
const cancelRequestLength = 16

/**
 * postgres.js 3.4 answers a clean close while a connection starts by reconnecting at once, forever, with the query
 * waiting (porsager/postgres#1193): what a Docker port with its container stopped, a TCP proxy with no backend, or
 * a URL naming some other server's port gets. Here a close we did not ask for is an error instead, so the query
 * fails (CONNECTION_CLOSED: a 503) and the usual reconnect backoff applies. (A PostgreSQL server says why before it
 * closes a session, so for a live session this changes nothing but the error's wording.) Over TLS postgres.js swaps
 * in a TLS socket of its own and this guard no longer applies.
 */
export function postgresSocket (): (target: Target) => Socket {
  let next = 0
  return (target) => {
    const i = next++ % Math.max(target.host.length, 1)
    const socket = target.path ? connect(target.path) : connect({ host: target.host[i] ?? 'localhost', port: target.port[i] ?? 5432 })
    // postgres.js names the server in its errors from these, as it does on the sockets it makes itself.
    Object.assign(socket, target.path ? {} : { host: target.host[i], port: target.port[i] })
    // Returned unconnected: Node holds what postgres.js writes until it is, and reports failures through the
    // 'error' and 'close' events postgres.js listens to.
    socket.once('end', () => {
      const asked = socket.writableEnded || (socket.bytesRead === 0 && socket.bytesWritten === cancelRequestLength)
      if (asked) return
      const where = target.path || `${target.host[i]}:${target.port[i]}`
      const error = new Error(`${where} closed the connection unasked: is a PostgreSQL server listening there?`)
      socket.destroy(Object.assign(error, { code: 'CONNECTION_CLOSED' }))
    })
    return socket
  }
}
