// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {MandateFixture} from "./utils/MandateFixture.sol";
import {IAgentEscrow} from "../src/interfaces/IAgentEscrow.sol";
import {IMandateRegistry} from "../src/interfaces/IMandateRegistry.sol";

/// @notice Fuzzed caps, budgets, periods and bands against a model written here: random per-job caps, budgets and
/// periods, then a random sequence of prices, refunds and time jumps. Each spend must succeed exactly when the
/// model says it fits (and fail with the model's error otherwise); remaining() must be the budget minus the
/// model's spend in the current period; a refund gives back exactly what the model says (all of it in the period
/// the job was funded in, nothing later), so the registry's spend never goes below zero or above the budget.
contract MandateFuzzTest is MandateFixture {
    uint256 internal constant STEPS = 16;

    struct Funded {
        uint256 jobId;
        uint256 price;
        uint32 index;
        bool refunded;
    }

    uint256 internal mid;
    uint256 internal maxPerJob;
    uint256 internal budget;
    uint64 internal period;
    /// @dev The model: net spend per period index, and the last period anything was spent in.
    mapping(uint256 index => uint256) internal net;
    uint32 internal lastIndex;
    Funded[] internal jobs;

    function testFuzz_CapsAndPeriods(
        uint256 maxSeed,
        uint256 budgetSeed,
        uint256 periodSeed,
        uint256[STEPS] calldata actions,
        uint256[STEPS] calldata jumps
    ) public {
        maxPerJob = bound(maxSeed, 1, 1_000_000 * USD);
        budget = bound(budgetSeed, 1, 4 * maxPerJob);
        // one time in four a one-time budget; otherwise an hour to sixty days
        period = periodSeed % 4 == 0 ? 0 : uint64(bound(periodSeed >> 2, 1 hours, 60 days));
        IMandateRegistry.MandateTerms memory t = _openTerms(maxPerJob, budget, period);
        t.validUntil = START + 20 * 365 days;
        mid = _grant(t);
        uint256 span = period == 0 ? 30 days : 2 * uint256(period);

        for (uint256 i; i < STEPS; ++i) {
            // time: a third of the steps stay put, the rest move up to two periods on
            if (jumps[i] % 3 != 0) vm.warp(block.timestamp + bound(jumps[i] >> 2, 1, span));
            uint256 action = actions[i];
            if (action % 5 == 0 && jobs.length != 0) {
                _refund((action >> 8) % jobs.length);
            } else {
                _spend(_price(action));
            }
            _check();
        }
    }

    /// @notice The approval bands of the seed example over random prices, approval counts and waits.
    function testFuzz_Bands(uint256 priceSeed, uint256 approvalsSeed, uint256 waitSeed) public {
        uint256 id = _grant();
        uint256 price = bound(priceSeed, 1, MAX_PER_JOB);
        uint256 n = approvalsSeed % 4;
        uint256 wait = bound(waitSeed, 0, 2 days);
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(id, price);
        a.expiry = T0 + 3 days;
        a.deliveryDeadline = START + 4 days;
        _approveBy(id, a, n);
        vm.warp(T0 + wait);

        bytes memory expected;
        if (price > TIMELOCK_ABOVE) {
            if (n < 2) {
                expected = abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, n, 2);
            } else if (wait < TIMELOCK) {
                expected = abi.encodeWithSelector(IMandateRegistry.TimelockPending.selector, T0 + TIMELOCK, T0 + wait);
            }
        } else if (price > ESCALATE_ABOVE && n < 1) {
            expected = abi.encodeWithSelector(IMandateRegistry.ApprovalsMissing.selector, 0, 1);
        }
        if (expected.length != 0) {
            _expectFundRevert(a, expected);
        } else {
            _fund(a);
            assertEq(_spent(id), price);
        }
    }

    /// @notice Periods are counted from validAfter, whenever the mandate was granted.
    function testFuzz_PeriodIndex(uint256 startSeed, uint256 periodSeed, uint256 nowSeed) public {
        uint64 p = uint64(bound(periodSeed, 1 hours, 365 days));
        uint64 validAfter = uint64(bound(startSeed, T0 - 365 days, T0 + 365 days));
        IMandateRegistry.MandateTerms memory t = _openTerms(10 * USD, 10 * USD, p);
        t.validAfter = validAfter;
        t.validUntil = START + 100 * 365 days;
        uint256 id = _grant(t);
        uint256 at = bound(nowSeed, T0, T0 + 50 * 365 days);
        vm.warp(at);
        (uint256 left, uint32 index) = mandates.remaining(id);
        assertEq(uint256(index), at <= validAfter ? 0 : (at - validAfter) / p);
        assertEq(left, at < validAfter ? 0 : 10 * USD);
    }

    // ------------------------------------------------------------------ model

    function _current() internal view returns (uint32) {
        if (period == 0) return 0;
        return SafeCast.toUint32((block.timestamp - T0) / period);
    }

    /// @dev Mostly within the cap; one price in five over it; one in five exactly what is left or a unit more.
    function _price(uint256 seed) internal view returns (uint256) {
        uint256 kind = (seed >> 4) % 5;
        uint256 left = budget - net[_current()];
        if (kind == 0) return maxPerJob + 1 + (seed >> 16) % (maxPerJob + 1);
        if (kind == 1 && left != 0) return left + (seed >> 16) % 2;
        return bound(seed >> 16, 1, maxPerJob);
    }

    function _spend(uint256 price) internal {
        uint32 cur = _current();
        bool fits = price <= maxPerJob && net[cur] + price <= budget;
        IAgentEscrow.ServiceAgreement memory a = _mAgreement(mid, price);
        bytes memory cs = _sign(clientKey, a);
        bytes memory ps = _sign(providerKey, a);
        vm.prank(relayer);
        try escrow.createJobFromAgreement(a, cs, ps) returns (uint256 jobId) {
            assertTrue(fits, "funded although the model says it does not fit");
            net[cur] += price;
            lastIndex = cur;
            jobs.push(Funded({jobId: jobId, price: price, index: cur, refunded: false}));
        } catch (bytes memory err) {
            assertFalse(fits, "refused although the model says it fits");
            bytes memory expected = price > maxPerJob
                ? abi.encodeWithSelector(IMandateRegistry.OverJobCap.selector, price, maxPerJob)
                : abi.encodeWithSelector(IMandateRegistry.OverBudget.selector, net[cur], price, budget);
            assertEq(err, expected, "refused with another error");
        }
    }

    function _refund(uint256 k) internal {
        Funded storage j = jobs[k];
        if (j.refunded) return;
        j.refunded = true;
        uint32 cur = _current();
        uint256 restored = j.index == cur ? j.price : 0;
        vm.expectEmit(address(mandates));
        emit IMandateRegistry.MandateRestored(mid, j.jobId, j.price, restored, j.index);
        vm.prank(provider);
        escrow.reject(j.jobId, REASON, "");
        net[j.index] -= restored;
    }

    function _check() internal view {
        uint32 cur = _current();
        (uint256 left, uint32 index) = mandates.remaining(mid);
        assertEq(uint256(index), uint256(cur), "period index");
        assertEq(left, budget - net[cur], "remaining != budget - model's spend this period");
        IMandateRegistry.MandateView memory v = mandates.getMandate(mid);
        assertEq(uint256(v.periodIndex), uint256(lastIndex), "last period spent in");
        assertEq(v.spent, net[lastIndex], "registry's spend != model's");
        assertLe(v.spent, budget, "spend above the budget");
    }
}
