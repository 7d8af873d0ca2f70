// The models of core/risk.h, one function each, and what they share. Private to the core. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/risk.h"

namespace core::internal {

using RiskModelFn = void (*)(const RiskData&, const RiskThresholds&, std::vector<RiskHit>&);

// 50 at the threshold, 100 at twice it, never below 1: how far past its threshold a hit is.
int ScoreOver(int64_t observed, int64_t threshold);
// For "below by X%" models: 50 at the threshold share, 100 at twice it.
int ScoreBelow(int64_t shortfall_pct, int64_t threshold_pct);

// contact_models.cpp
void SharedPhone(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void SharedAddress(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void IdManyAddresses(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void BulkConsignee(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// order_models.cpp
void SplitUnderLimit(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void QtyBeyondPersonalUse(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void OddHours(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void Burst(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void NewEnterpriseSurge(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
// price_models.cpp
void PriceBelowOwnHistory(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);
void PriceBelowPeers(const RiskData& d, const RiskThresholds& t, std::vector<RiskHit>& out);

}  // namespace core::internal
