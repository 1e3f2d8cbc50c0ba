/** What other parts of the server use of mass messages: the routes and the sending job. */
export { massMessageRoutes } from './routes.js';
export { MASS_MESSAGE_SEND_JOB, runMassMessageSend } from './sending/send-job.js';
