// SPDX-License-Identifier: Apache-2.0
// The small catalog the store tests import and change: a table with personal columns, a
// feature on it with docs, and a tagged one.
#pragma once

namespace tributary::testing {

inline constexpr const char *kSmallCatalog = R"(apiVersion: tributary/v1
providers:
  - {name: warehouse, type: bigquery}
entities:
  - {name: customer}
sources:
  - name: raw
    version: v1
    provider: warehouse
    type: table
    owner: data-eng
    columns:
      - {name: customer_id, type: string, tags: [pii:indirect]}
      - {name: email, type: string, tags: [pii:direct]}
      - {name: amount, type: float64}
features:
  - {name: avg_spend, version: v1, entity: customer, source: raw@v1, column: amount,
     owner: alice, description: Average basket value over ninety days.}
  - {name: contact, version: v1, entity: customer, source: raw@v1, column: email, owner: bob,
     tags: [gdpr]}
)";

} // namespace tributary::testing
