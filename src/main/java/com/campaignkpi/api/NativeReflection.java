package com.campaignkpi.api;

import com.campaignkpi.alert.Alert;
import com.campaignkpi.alert.AlertRule;
import com.campaignkpi.alert.AlertSettings;
import com.campaignkpi.alert.AlertsRequest;
import com.campaignkpi.ingest.CollectRequest;
import com.campaignkpi.ingest.CollectResult;
import com.campaignkpi.ingest.EventResult;
import com.campaignkpi.kpi.KpiDefinition;
import com.campaignkpi.kpi.KpiDirection;
import com.campaignkpi.kpi.KpiUnit;
import com.campaignkpi.kpi.KpiValue;
import com.campaignkpi.property.IngestSettings;
import com.campaignkpi.property.PropertyRequest;
import com.campaignkpi.property.PropertyView;
import com.campaignkpi.snapshot.ExchangeRatesRequest;
import com.campaignkpi.snapshot.KpiChange;
import com.campaignkpi.snapshot.PeriodComparison;
import com.campaignkpi.snapshot.Snapshot;
import com.campaignkpi.snapshot.SnapshotGroup;
import com.campaignkpi.snapshot.SnapshotRequest;
import com.campaignkpi.snapshot.TrafficShare;
import com.campaignkpi.spend.FileTotalCheck;
import com.campaignkpi.spend.PaidGroup;
import com.campaignkpi.spend.PaidReport;
import com.campaignkpi.spend.SpendImportResult;
import com.campaignkpi.spend.SpendRequest;
import com.campaignkpi.spend.SpendTotals;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers the records Jackson reads and writes for a native image. Funqy registers its functions' own input and
 * output types, but not the types nested in them, nor snapshots read back from DynamoDB.
 */
@RegisterForReflection(targets = {
        Alert.class, AlertRule.class, AlertSettings.class, AlertsRequest.class,
        CollectRequest.class, CollectResult.class, EventResult.class, ErrorBody.class,
        KpiDefinition.class, KpiDirection.class, KpiUnit.class, KpiValue.class,
        IngestSettings.class, PropertyRequest.class, PropertyView.class,
        ExchangeRatesRequest.class, ExchangeRatesRequest.Rate.class, Snapshot.class, SnapshotGroup.class,
        SnapshotRequest.class, TrafficShare.class, PeriodComparison.class, KpiChange.class,
        FileTotalCheck.class, PaidGroup.class, PaidReport.class, SpendImportResult.class, SpendRequest.class,
        SpendTotals.class})
final class NativeReflection {

    private NativeReflection() {
    }
}
