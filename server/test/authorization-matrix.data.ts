// The authorization matrix as data: what each kind of caller SHOULD get from each operation
// of the OpenAPI document (docs/architecture.md is the contract), read by
// authorization-matrix.test.ts. `ok` = any 2xx; otherwise the status (`4xx` = any 4xx).
//
// Callers: anon = no session; citA = the citizen who owns unit A's online dossier, drafts and
// documents; citB = another citizen; desk/spec/lead/secr = desk officer, specialist, leader,
// secretariat of ward A or of ward B (both wards of one city); admA / admB = an `admin` role
// scoped to ward A / ward B (a unit administrator: its unit and the units below it); sys =
// the system administrator (`admin` with no unit). Path parameters name ward A's objects
// (and citizen A's), so ward B's staff must get 404 — never 403 — on them. Staff lists: ward
// B's side asks for ward A (`unit=`) and must get none of A's objects (citizen B none of
// citizen A's); ward A's side must get none of ward B's own dossier, petition and report.
// Ward B's side also sends ward A's Idempotency-Key with its own receipt (a fresh key there)
// and asks to route its own ward's reports to ward A (refused).
//
// A new operation has no row, and the matrix test fails until it gets one: print the answers
// (AUTHZ_MATRIX_PRINT=1), then decide each cell from what the product should do.
export const MATRIX = `
operation                                                               anon  citA  citB  deskA specA leadA secrA deskB specB leadB secrB admA  admB  sys

# Platform, sign-in and accounts (accounts: the system administrator only)
GET    /api/health                                                      ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/auth/login                                               ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/auth/logout                                              ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/auth/me                                                  401   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/users                                                    401   403   403   403   403   403   403   403   403   403   403   403   403   ok
POST   /api/v1/users                                                    401   403   403   403   403   403   403   403   403   403   403   403   403   ok
PATCH  /api/v1/users/{id}                                               401   403   403   403   403   403   403   403   403   403   403   403   403   ok

# Units: public reference data (a refused write on one is 403: it reveals nothing); read by staff, written by an administrator of the unit (or above)
GET    /api/v1/units                                                    401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/units                                                    401   403   403   403   403   403   403   403   403   403   403   ok    403   ok
GET    /api/v1/units/{code}                                             401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
PATCH  /api/v1/units/{code}                                             401   403   403   403   403   403   403   403   403   403   403   ok    403   ok
GET    /api/v1/units/{code}/boundary                                    401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/units/{code}/staff                                       401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/public/units                                             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/units/{code}/boundary                             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/units/{code}/close                                       401   403   403   403   403   403   403   403   403   403   403   ok    403   ok

# Procedures: read by anyone; written by the system administrator
GET    /api/v1/public/procedures                                        ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/procedures/{code}                                 ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/procedures/{code}/forms/{file}                    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/procedures/agencies                                      ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/procedure-synonyms                                       401   403   403   403   403   403   403   403   403   403   403   403   403   ok
PUT    /api/v1/procedure-synonyms                                       401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/procedures                                               ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/procedures                                               401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/procedures/fields                                        ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/procedures/export                                        ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/procedures/{id}                                          ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
PUT    /api/v1/procedures/{id}                                          401   403   403   403   403   403   403   403   403   403   403   403   403   ok
DELETE /api/v1/procedures/{id}                                          401   403   403   403   403   403   403   403   403   403   403   403   403   ok
POST   /api/v1/procedures/import                                        401   403   403   403   403   403   403   403   403   403   403   403   403   ok

# Calendar: read by anyone; overrides by the system administrator, a unit's hours by its administrator
GET    /api/v1/calendar/due                                             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/calendar/days                                            ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/calendar/overrides/{year}                                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
PUT    /api/v1/calendar/overrides/{year}                                401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/calendar/settings/{unitCode}                             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
PUT    /api/v1/calendar/settings/{unitCode}                             401   403   403   403   403   403   403   403   403   403   403   ok    403   ok

# Dossiers: staff of the unit (receiving or handling, or above) see them, others 404; each action and upload by its roles
POST   /api/v1/dossiers                                                 401   403   403   ok    403   403   403   ok    403   403   403   403   403   403
GET    /api/v1/dossiers                                                 401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/dossiers/{id}                                            401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
POST   /api/v1/dossiers/{id}/actions                                    401   403   403   ok    403   ok    403   404   404   404   404   403   404   403
POST   /api/v1/dossiers/{id}/files                                      401   403   403   ok    ok    ok    403   404   404   404   404   403   404   403
GET    /api/v1/dossiers/{id}/files/{fileId}                             401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/dossiers/register.xlsx                                   401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/dossiers/{id}/forms/{file}                               401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/public/dossiers/{code}                                   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok

# Field report settings: categories and templates by the system administrator; routing rules by an administrator of both ends
GET    /api/v1/report-categories/all                                    401   403   403   403   403   403   403   403   403   403   403   403   403   ok
POST   /api/v1/report-categories                                        401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/report-categories                                        ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
PUT    /api/v1/report-categories/{code}                                 401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/report-routing-rules                                     401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
PUT    /api/v1/report-routing-rules                                     401   403   403   403   403   403   403   403   403   403   403   ok    403   ok
DELETE /api/v1/report-routing-rules/{categoryCode}/{areaUnitCode}       401   403   403   403   403   403   403   403   403   403   403   ok    404   ok
GET    /api/v1/report-reply-templates                                   401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/report-reply-templates                                   401   403   403   403   403   403   403   403   403   403   403   403   403   ok
PUT    /api/v1/report-reply-templates/{id}                              401   403   403   403   403   403   403   403   403   403   403   403   403   ok
DELETE /api/v1/report-reply-templates/{id}                              401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/reports/stats                                            401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/reports/export.csv                                       401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/reports.csv                                       ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok

# Field reports: filed and followed by anyone (the follow token is the proof); staff of the unit handle them, others 404
POST   /api/v1/report-photos                                            ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/report-photos/{id}                                ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/report-photos/{id}/thumb                          ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/reports                                                  ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/reports                                                  401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/reports/{id}                                             401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
POST   /api/v1/reports/{id}/actions                                     401   403   403   ok    403   ok    403   404   404   404   404   403   404   403
GET    /api/v1/public/reports                                           ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/reports/nearby                                    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/reports/{code}                                    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/public/reports/{code}/follow                             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/public/reports/{code}/reopen                             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/public/reports/{code}/info                               ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/public/reports/{code}/rating                             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok

# Open311 client keys: the system administrator
GET    /api/v1/open311/clients                                          401   403   403   403   403   403   403   403   403   403   403   403   403   ok
POST   /api/v1/open311/clients                                          401   403   403   403   403   403   403   403   403   403   403   403   403   ok
POST   /api/v1/open311/clients/{id}/revoke                              401   403   403   403   403   403   403   403   403   403   403   403   403   ok

# Citizens: accounts (the code sent is the proof); own data for the citizen; a staff read of a profile needs a dossier of that citizen in the caller's units (system admin: a legal basis)
POST   /api/v1/citizens/registrations                                   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/citizens/registrations/{id}/resend                       ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/citizens/registrations/{id}/verify                       ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/citizens/password-resets                                 ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/citizens/password-resets/{id}/resend                     ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/citizens/password-resets/{id}/verify                     ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/citizens/me/profile                                      401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
PUT    /api/v1/citizens/me/profile                                      401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/citizens/me/access-log                                   401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/citizens/me/consents                                     401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
PUT    /api/v1/citizens/me/consents/{purpose}                           401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/citizens/me/export                                       401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/citizens/{userId}/profile                                401   403   403   ok    403   ok    403   404   403   404   403   ok    404   ok

# Payments: the applicant proves the dossier (code + phone); the desk of the unit confirms; the unit's administrator sets the payee account; the gateway signs
GET    /api/v1/payment-banks                                            401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/payment-accounts/{unitCode}                              401   403   403   403   403   403   403   403   403   403   403   ok    403   ok
PUT    /api/v1/payment-accounts/{unitCode}                              401   403   403   403   403   403   403   403   403   403   403   ok    403   ok
GET    /api/v1/public/dossiers/{code}/payment                           ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/dossiers/{code}/payments/{paymentId}/receipt.pdf  ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/dossiers/{id}/payments                                   401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
POST   /api/v1/dossiers/{id}/payments                                   401   403   403   ok    403   403   403   404   404   404   404   403   404   403
GET    /api/v1/dossiers/{id}/payments/{paymentId}/receipt.pdf           401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/payments/unmatched                                       401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/payments/webhooks/{provider}                             ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok

# Ratings and petitions: the applicant proves the dossier; desk officers, specialists and leaders of the unit handle petitions (others 404)
GET    /api/v1/public/dossiers/{code}/rating                            ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/public/dossiers/{code}/rating                            ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/public/dossiers/{code}/petitions                         ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/public/dossiers/{code}/petitions                         ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/public/dossiers/{code}/petitions/{id}/info               ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/dossier-petitions                                        401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/dossier-feedback/stats                                   401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/dossier-petitions/{id}                                   401   403   403   ok    ok    ok    404   404   404   404   404   404   404   404
POST   /api/v1/dossier-petitions/{id}/actions                           401   403   403   ok    ok    ok    404   404   404   404   404   404   404   404

# The citizen portal: signed-in citizens, their own data only (another citizen's ids 404; staff 403 not_citizen)
POST   /api/v1/portal/documents                                         401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/portal/documents                                         401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/portal/documents/{id}/file                               401   ok    404   403   403   403   403   403   403   403   403   403   403   403
DELETE /api/v1/portal/documents/{id}                                    401   ok    404   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/portal/drafts                                            401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/portal/drafts                                            401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/portal/drafts/{id}                                       401   ok    404   403   403   403   403   403   403   403   403   403   403   403
PUT    /api/v1/portal/drafts/{id}                                       401   ok    404   403   403   403   403   403   403   403   403   403   403   403
DELETE /api/v1/portal/drafts/{id}                                       401   ok    404   403   403   403   403   403   403   403   403   403   403   403
POST   /api/v1/portal/drafts/{id}/submit                                401   ok    404   403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/portal/my-dossiers                                       401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/portal/my-dossiers/{code}                                401   ok    404   403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/portal/my-dossiers/{code}/receipt.pdf                    401   ok    404   403   403   403   403   403   403   403   403   403   403   403
GET    /api/v1/portal/my-dossiers/{code}/result                         401   ok    404   403   403   403   403   403   403   403   403   403   403   403

# Plans (kế hoạch, issue 12): staff of the plan's line read (ward B 404); its administrator, leader and secretariat write (a unit code is public: creating for another unit is 403)
POST   /api/v1/plans                                                    401   403   403   403   403   ok    ok    403   403   403   403   ok    403   ok
GET    /api/v1/plans                                                    401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/plans/import.xlsx                                        401   403   403   403   403   ok    ok    403   403   403   403   ok    403   ok
GET    /api/v1/plans/{id}                                               401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/plans/{id}/export.json                                   401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/plans/{id}/export.xlsx                                   401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
PATCH  /api/v1/plans/{id}/targets/{targetId}                            401   403   403   403   403   ok    ok    404   404   404   404   ok    404   ok
PUT    /api/v1/plans/{id}/targets/{targetId}/assignments                401   403   403   403   403   ok    ok    404   404   404   404   ok    404   ok
POST   /api/v1/plans/{id}/withdraw                                      401   403   403   403   403   ok    ok    404   404   404   404   ok    404   ok
# Tasks (nhiệm vụ): staff of the assigning, lead or supporting unit (or above) see a task, others 404; the assigning unit's leader, secretariat and unit administrator steer it; the lead unit's officers report
GET    /api/v1/tasks                                                    401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/tasks/mine                                               401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/tasks                                                    401   403   403   403   403   ok    ok    403   403   403   403   ok    403   403
GET    /api/v1/tasks/{id}                                               401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
PATCH  /api/v1/tasks/{id}                                               401   403   403   403   403   ok    ok    404   404   404   404   ok    404   403
POST   /api/v1/tasks/{id}/actions                                       401   403   403   403   403   ok    ok    404   404   404   404   ok    404   403
POST   /api/v1/tasks/{id}/progress                                      401   403   403   ok    ok    ok    ok    404   404   404   404   403   404   403
POST   /api/v1/tasks/{id}/files                                         401   403   403   ok    ok    ok    ok    404   404   404   404   403   404   403
GET    /api/v1/tasks/{id}/files/{fileId}                                401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
# Documents (issue 13): registered by the unit's office (secretariat), drafted by its staff; read by the units and people it was assigned or shared to and by the unit's leaders and office (and those above them); another unit's staff and the system administrator (who runs the system, not an agency's correspondence) get 404
POST   /api/v1/documents/incoming                                       401   403   403   403   403   403   ok    403   403   403   403   403   403   403
POST   /api/v1/documents/outgoing                                       401   403   403   ok    ok    ok    ok    403   403   403   403   403   403   403
GET    /api/v1/documents/register.xlsx                                  401   403   403   403   403   ok    ok    403   403   403   403   403   403   403
GET    /api/v1/documents                                                401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/documents/{id}                                           401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   404
POST   /api/v1/documents/{id}/actions                                   401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   404
GET    /api/v1/documents/{id}/files/{fileId}                            401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   404
GET    /api/v1/documents/{id}/edxml                                     401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   404
GET    /api/v1/documents/{id}/draft.{format}                            401   403   403   404   ok    ok    ok    404   404   404   404   ok    404   404
GET    /api/v1/documents/{id}/versions/{no}                             401   403   403   404   ok    ok    ok    404   404   404   404   ok    404   404
POST   /api/v1/documents/{id}/signing-sessions                          401   403   403   404   403   ok    403   404   404   404   404   403   404   404
GET    /api/v1/documents/{id}/signing-sessions/{sessionId}/pdf          401   403   403   404   404   ok    404   404   404   404   404   404   404   404
POST   /api/v1/documents/{id}/signing-sessions/{sessionId}              401   403   403   404   404   4xx   404   404   404   404   404   404   404   404
POST   /api/v1/documents/ocr                                            401   403   403   403   403   403   ok    403   403   403   ok    403   403   403
# Work files (hồ sơ công việc): kept by a unit's staff in its file list; read by the unit's staff and the office and leaders above; changed by their owner and the unit's leaders
GET    /api/v1/work-files                                               401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/work-files                                               401   403   403   ok    ok    ok    ok    403   403   403   403   403   403   403
GET    /api/v1/work-files/{id}                                          401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   404
POST   /api/v1/work-files/{id}/actions                                  401   403   403   403   ok    ok    403   404   404   404   404   403   404   404
# Approval flows (trình duyệt) of a unit: read by its staff and those above and below it; set by its leader and administrators (and the system administrator)
GET    /api/v1/document-review-flows                                    401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
PUT    /api/v1/document-review-flows/{unitCode}/{typeCode}              401   403   403   403   403   ok    403   404   404   404   404   ok    404   ok
DELETE /api/v1/document-review-flows/{unitCode}/{typeCode}              401   403   403   403   403   ok    403   404   404   404   404   ok    404   ok
POST   /api/v1/edxml/inbox                                              401   403   403   403   403   403   ok    403   403   403   ok    403   403   403
# Anyone may check the signatures of a PDF (a citizen, another agency): nothing is read or written
POST   /api/v1/signatures/verify                                        ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
# Signature and seal images drawn by visible signatures: each person their own; a unit's seal read by staff of its line, set by its office, leaders and administrators (above too)
GET    /api/v1/signature-images                                         401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/signature-images/me/image.png                            401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
PUT    /api/v1/signature-images/me                                      401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
DELETE /api/v1/signature-images/me                                      401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/signature-images/units/{unitCode}/image.png              401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
PUT    /api/v1/signature-images/units/{unitCode}                        401   403   403   403   403   ok    ok    404   404   404   404   ok    404   ok
DELETE /api/v1/signature-images/units/{unitCode}                        401   403   403   403   403   ok    ok    404   404   404   404   ok    404   ok

# Indicators (issue 12): published definitions and values to anyone (open data); unpublished values (tasks.on_time) to staff of the unit or above, others 404; entered values by the unit's administrator, leader or secretariat (other units 404, other roles 403)
GET    /api/v1/indicators                                               ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/indicators/stream                                        ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
GET    /api/v1/indicators/{code}/values                                 404   404   404   ok    ok    ok    ok    404   404   404   404   ok    404   ok
POST   /api/v1/indicator-values                                         401   403   403   403   403   ok    ok    403   403   404   404   ok    404   ok
# Grades, the 766 index, rankings and trends (issue 12): staff of the unit's line; settings and weight sets written by the system administrator
GET    /api/v1/plans/{id}/grades                                        401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/units/{code}/index-766                                   401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/index-766/settings                                       401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
PUT    /api/v1/index-766/settings                                       401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/indicators/{code}/ranking                                401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/rankings/{set}                                           401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok
GET    /api/v1/ranking-sets                                             401   403   403   ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
POST   /api/v1/ranking-sets                                             401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/indicators/{code}/trend                                  401   403   403   ok    ok    ok    ok    404   404   404   404   ok    404   ok

# Operators
POST   /api/v1/admin/backups                                            401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/admin/audit/verify                                       401   403   403   403   403   403   403   403   403   403   403   403   403   ok
GET    /api/v1/public/map-settings                                      ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok

# Runs last: it closes the citizens' accounts
POST   /api/v1/citizens/me/deletion                                     401   ok    ok    403   403   403   403   403   403   403   403   403   403   403
`;
