// Route handlers, one group per API area (auth, users, enterprises, applications, goods, lists,
// policy, audit, check). Each parses the request, calls the services or the core, and returns a
// reply; authorisation by role happens in the dispatcher, ownership inside the services.
#pragma once

#include "http/context.h"

namespace server {

// meta
core::StatusOr<Reply> HandleHealth(RequestContext& ctx);
core::StatusOr<Reply> HandleOpenApi(RequestContext& ctx);
// auth
core::StatusOr<Reply> HandleLogin(RequestContext& ctx);
core::StatusOr<Reply> HandleLogout(RequestContext& ctx);
core::StatusOr<Reply> HandleLogoutAll(RequestContext& ctx);
core::StatusOr<Reply> HandleChangePassword(RequestContext& ctx);
core::StatusOr<Reply> HandleMe(RequestContext& ctx);
// users
core::StatusOr<Reply> HandleListUsers(RequestContext& ctx);
core::StatusOr<Reply> HandleCreateUser(RequestContext& ctx);
// enterprises
core::StatusOr<Reply> HandleListEnterprises(RequestContext& ctx);
core::StatusOr<Reply> HandleGetEnterprise(RequestContext& ctx);
// applications
core::StatusOr<Reply> HandleListApplications(RequestContext& ctx);
core::StatusOr<Reply> HandleSubmitApplication(RequestContext& ctx);
core::StatusOr<Reply> HandleGetApplication(RequestContext& ctx);
core::StatusOr<Reply> HandleDecideApplication(RequestContext& ctx);
// goods
core::StatusOr<Reply> HandleListGoods(RequestContext& ctx);
core::StatusOr<Reply> HandleFileGoods(RequestContext& ctx);
core::StatusOr<Reply> HandleGetGoods(RequestContext& ctx);
core::StatusOr<Reply> HandleNameCodes(RequestContext& ctx);
// check
core::StatusOr<Reply> HandleCheckIdentifier(RequestContext& ctx);
// lists and reference data
core::StatusOr<Reply> HandleListLists(RequestContext& ctx);
core::StatusOr<Reply> HandlePositiveList(RequestContext& ctx);
core::StatusOr<Reply> HandlePutList(RequestContext& ctx);
core::StatusOr<Reply> HandleReference(RequestContext& ctx);
// policy
core::StatusOr<Reply> HandleGetPolicy(RequestContext& ctx);
core::StatusOr<Reply> HandlePutPolicy(RequestContext& ctx);
// audit
core::StatusOr<Reply> HandleListAudit(RequestContext& ctx);
core::StatusOr<Reply> HandleVerifyAudit(RequestContext& ctx);
// CEB messages and declarations
core::StatusOr<Reply> HandleSubmitMessages(RequestContext& ctx);
core::StatusOr<Reply> HandleListMessages(RequestContext& ctx);
core::StatusOr<Reply> HandleGetMessage(RequestContext& ctx);
core::StatusOr<Reply> HandleGetMessageRaw(RequestContext& ctx);
core::StatusOr<Reply> HandleListDeclarations(RequestContext& ctx);
core::StatusOr<Reply> HandleGetDeclaration(RequestContext& ctx);
// routing rules, routing decisions, credit grades
core::StatusOr<Reply> HandleRoutingSchema(RequestContext& ctx);
core::StatusOr<Reply> HandleListRules(RequestContext& ctx);
core::StatusOr<Reply> HandleGetRule(RequestContext& ctx);
core::StatusOr<Reply> HandlePutRule(RequestContext& ctx);
core::StatusOr<Reply> HandleValidateRule(RequestContext& ctx);
core::StatusOr<Reply> HandlePreviewRule(RequestContext& ctx);
core::StatusOr<Reply> HandleDeclarationRouting(RequestContext& ctx);
core::StatusOr<Reply> HandlePutCredit(RequestContext& ctx);
core::StatusOr<Reply> HandleRuleStats(RequestContext& ctx);
// officer queues and outcomes
core::StatusOr<Reply> HandleQueue(RequestContext& ctx);
core::StatusOr<Reply> HandleReview(RequestContext& ctx);
core::StatusOr<Reply> HandleInspection(RequestContext& ctx);
core::StatusOr<Reply> HandleValuation(RequestContext& ctx);

// bonded ledgers
core::StatusOr<Reply> HandleListLedgers(RequestContext& ctx);
core::StatusOr<Reply> HandleCreateLedger(RequestContext& ctx);
core::StatusOr<Reply> HandleGetLedger(RequestContext& ctx);
core::StatusOr<Reply> HandleLedgerBalances(RequestContext& ctx);
core::StatusOr<Reply> HandleLedgerTrace(RequestContext& ctx);
core::StatusOr<Reply> HandleLedgerWhatIf(RequestContext& ctx);
core::StatusOr<Reply> HandleBookLedgerEntry(RequestContext& ctx);
core::StatusOr<Reply> HandleBookLedgerTransfer(RequestContext& ctx);
// risk models
core::StatusOr<Reply> HandleRiskModels(RequestContext& ctx);
core::StatusOr<Reply> HandleRunRiskModels(RequestContext& ctx);
core::StatusOr<Reply> HandleRiskRunHits(RequestContext& ctx);
core::StatusOr<Reply> HandleTrainLearnedModel(RequestContext& ctx);
core::StatusOr<Reply> HandleQueueRiskJob(RequestContext& ctx);
core::StatusOr<Reply> HandleRiskJob(RequestContext& ctx);
core::StatusOr<Reply> HandleListLearnedModels(RequestContext& ctx);
core::StatusOr<Reply> HandleLearnedModel(RequestContext& ctx);
core::StatusOr<Reply> HandleRunLearnedScores(RequestContext& ctx);
core::StatusOr<Reply> HandleDeclarationLearnedScore(RequestContext& ctx);
core::StatusOr<Reply> HandleDeclarationArrivalScore(RequestContext& ctx);
// stocktakes
core::StatusOr<Reply> HandleRecordStocktake(RequestContext& ctx);
core::StatusOr<Reply> HandleCreditProfile(RequestContext& ctx);
core::StatusOr<Reply> HandleAssessCredit(RequestContext& ctx);
core::StatusOr<Reply> HandleDecideCredit(RequestContext& ctx);
core::StatusOr<Reply> HandleRecordViolation(RequestContext& ctx);
core::StatusOr<Reply> HandleListFindings(RequestContext& ctx);
core::StatusOr<Reply> HandleListRiskRuns(RequestContext& ctx);
core::StatusOr<Reply> HandleAnswerFinding(RequestContext& ctx);
core::StatusOr<Reply> HandleReviewFindingAnswer(RequestContext& ctx);
core::StatusOr<Reply> HandleRecountStocktake(RequestContext& ctx);
core::StatusOr<Reply> HandleListStocktakes(RequestContext& ctx);
core::StatusOr<Reply> HandleGetStocktake(RequestContext& ctx);
core::StatusOr<Reply> HandleStocktakeSchedule(RequestContext& ctx);
// vehicles and gate passes
core::StatusOr<Reply> HandleListVehicles(RequestContext& ctx);
core::StatusOr<Reply> HandleRegisterVehicle(RequestContext& ctx);
core::StatusOr<Reply> HandleListGatePasses(RequestContext& ctx);
core::StatusOr<Reply> HandleCreateGatePass(RequestContext& ctx);
core::StatusOr<Reply> HandleGetGatePass(RequestContext& ctx);
core::StatusOr<Reply> HandleGateEvent(RequestContext& ctx);
core::StatusOr<Reply> HandleReleaseGateHold(RequestContext& ctx);
// promotions
core::StatusOr<Reply> HandleListPromotions(RequestContext& ctx);
core::StatusOr<Reply> HandleFilePromotion(RequestContext& ctx);
core::StatusOr<Reply> HandleGetPromotion(RequestContext& ctx);
core::StatusOr<Reply> HandlePromotionSummary(RequestContext& ctx);
// online patrol: shops, profiles, tasks, evidence, covert buyers, mystery orders, crawlers
core::StatusOr<Reply> HandleListShops(RequestContext& ctx);
core::StatusOr<Reply> HandleRegisterShop(RequestContext& ctx);
core::StatusOr<Reply> HandleGetShop(RequestContext& ctx);
core::StatusOr<Reply> HandleListProfiles(RequestContext& ctx);
core::StatusOr<Reply> HandleSaveProfile(RequestContext& ctx);
core::StatusOr<Reply> HandleQueuePatrol(RequestContext& ctx);
core::StatusOr<Reply> HandlePreviewProfile(RequestContext& ctx);
core::StatusOr<Reply> HandleQueueMysteryOrder(RequestContext& ctx);
core::StatusOr<Reply> HandleListPatrolTasks(RequestContext& ctx);
core::StatusOr<Reply> HandleGetPatrolTask(RequestContext& ctx);
core::StatusOr<Reply> HandleGetEvidence(RequestContext& ctx);
core::StatusOr<Reply> HandleGetEvidenceBody(RequestContext& ctx);
core::StatusOr<Reply> HandleListCovertBuyers(RequestContext& ctx);
core::StatusOr<Reply> HandleRegisterCovertBuyer(RequestContext& ctx);
core::StatusOr<Reply> HandleListMysteryOrders(RequestContext& ctx);
core::StatusOr<Reply> HandleCreateCrawlerAccount(RequestContext& ctx);
core::StatusOr<Reply> HandleListCrawlerAccounts(RequestContext& ctx);
core::StatusOr<Reply> HandleRunPatrolSchedule(RequestContext& ctx);
core::StatusOr<Reply> HandleCrawlerLease(RequestContext& ctx);
core::StatusOr<Reply> HandleCrawlerProgress(RequestContext& ctx);
core::StatusOr<Reply> HandleCrawlerEvidence(RequestContext& ctx);
core::StatusOr<Reply> HandleCrawlerComplete(RequestContext& ctx);
core::StatusOr<Reply> HandleCrawlerFail(RequestContext& ctx);

}  // namespace server
