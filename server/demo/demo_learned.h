// The demo's inspection history and learned risk score (`make run`): while the generated lists
// arrive, a sampling campaign (a routing rule sending lists of 300.00 CNY or more to inspection)
// is in force; afterwards it is switched off, the inspections of lists declared more than a week
// ago are recorded from the generator's labels (a labelled list does not match what was declared),
// the risk models run, the learned score is trained on those outcomes and a second run scores
// every list with it. The newer inspections stay in the queue for officers to try. Each step
// commits on its own, through the same services as the API. Database I/O.
#pragma once

#include <set>
#include <string>

#include "app.h"
#include "common/actor.h"
#include "core/status.h"

namespace server {

// Saves the campaign rule "demo-sampling" (enabled) as `admin`.
core::Status StartDemoSampling(App& app, const Actor& admin);

// Switches the campaign off, records the older inspections (mismatch when the list's order
// number is in `labelled_orders`), runs the risk models, trains the learned score and runs the
// models again so every list has its score.
core::Status FinishDemoSampling(App& app, const Actor& admin,
                                const std::set<std::string>& labelled_orders);

}  // namespace server
