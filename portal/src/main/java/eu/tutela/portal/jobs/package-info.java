/**
 * The one background-job engine (db-scheduler on PostgreSQL): any replica may run a job and none
 * runs it twice. Tenant jobs with progress a page can poll ({@link eu.tutela.portal.jobs.Jobs}), the
 * recurring redelivery of incomplete domain events, and the back-off every retried task shares.
 */
package eu.tutela.portal.jobs;
