package org.mizan.normalise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mizan.schema.RemittanceTransaction;
import org.mizan.source.RawRecord;

/** Checks a remittance transaction (format 2) rule by rule, in the documented order, and builds its record. */
public final class RemittanceNormaliser extends Normaliser {

    static final Set<String> CHANNELS = Set.of("bank", "mto", "mobile_money", "post", "cash_agent");

    private final Fields f;
    private final Gazetteer gazetteer;
    private final LoadedKeys loaded;
    private final KeyIndex inFile = new KeyIndex();

    /**
     * @param loaded keys (provider_id + txn_id) already in the lake from other files, with the file of each
     */
    public RemittanceNormaliser(Fields f, Gazetteer gazetteer, LoadedKeys loaded) {
        this.f = f;
        this.gazetteer = gazetteer;
        this.loaded = loaded;
    }

    /** Re-learns the keys of the rows staged before a restart, so duplicates of them are still caught. */
    @Override
    public void resume(List<java.nio.file.Path> files) {
        // the checkpoint lists staged Parquet files and the spill files (with their indexes) of rows whose
        // partitions were still small (PartitionedParquetWriter): the keys of both were accepted before the cut
        List<java.nio.file.Path> parquet =
                files.stream().filter(f -> f.toString().endsWith(".parquet")).toList();
        if (!parquet.isEmpty()) {
            StagedKeys.forEach(
                    parquet,
                    (provider, txnId, line) -> inFile.putIfAbsent(LoadedKeys.key(provider, txnId), (int) line));
        }
        for (java.nio.file.Path f : files) {
            if (f.toString().endsWith(".index")) {
                try {
                    org.mizan.lake.PartitionedParquetWriter.readSpilled(
                            org.mizan.lake.Dataset.REMITTANCE_TRANSACTIONS, f, r -> {
                                RemittanceTransaction t = (RemittanceTransaction) r;
                                inFile.putIfAbsent(
                                        LoadedKeys.key(
                                                t.getProviderId().toString(),
                                                t.getTxnId().toString()),
                                        (int) t.getSourceLine());
                            });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(
                            "cannot read back the rows spilled before the restart from " + f, e);
                }
            }
        }
    }

    private static void requirePresent(String value, String field) {
        if (value == null) {
            throw new RowRejected(Rule.REQUIRED, field + " is empty");
        }
    }

    @Override
    protected List<RemittanceTransaction> records(RawRecord r) {
        // each field is read once; the required check then runs in the documented order
        String txnId = r.get("txn_id");
        String provider = r.get("provider_id");
        String sentText = r.get("sent_at");
        String senderText = r.get("sender_country");
        String unit = r.get("receiving_unit_code");
        String locality = unit == null ? r.get("receiving_locality") : null;
        String amountText = r.get("amount");
        String currencyText = r.get("currency");
        String feeText = r.get("fee");
        String channelText = r.get("channel");
        requirePresent(txnId, "txn_id");
        requirePresent(provider, "provider_id");
        requirePresent(sentText, "sent_at");
        requirePresent(senderText, "sender_country");
        if (unit == null && locality == null) {
            throw new RowRejected(Rule.REQUIRED, "receiving_unit_code is empty (and no receiving_locality)");
        }
        requirePresent(amountText, "amount");
        requirePresent(currencyText, "currency");
        requirePresent(feeText, "fee");
        requirePresent(channelText, "channel");
        OffsetDateTime sentAt = f.timestamp("sent_at", sentText);
        BigDecimal amount = f.decimal("amount", amountText, 4);
        BigDecimal fee = f.decimal("fee", feeText, 4);
        String marginText = r.get("fx_margin_pct");
        BigDecimal margin = marginText == null ? null : f.decimal("fx_margin_pct", marginText, 4);
        if (amount.signum() <= 0) {
            throw new RowRejected(
                    Rule.AMOUNT_NOT_POSITIVE,
                    "amount " + amount.stripTrailingZeros().toPlainString() + " is not above zero");
        }
        if (fee.signum() < 0) {
            throw new RowRejected(
                    Rule.FEE_NEGATIVE, "fee " + fee.stripTrailingZeros().toPlainString() + " is negative");
        }
        // codes are compared in their standard case: "qa", "Qar" and "MTO" are QA, QAR and mto
        String sender = IsoCodes.country("sender_country", senderText.toUpperCase(Locale.ROOT));
        String currency = IsoCodes.currency("currency", currencyText.toUpperCase(Locale.ROOT));
        String channel = channelText.toLowerCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw new RowRejected(
                    Rule.BAD_CHANNEL,
                    "channel '" + channelText + "' is not one of bank, mto, mobile_money, post, cash_agent");
        }
        // the same day as atZoneSameInstant(UTC), without the ZoneRules (and its map) JDK 17 builds for it per call
        LocalDate utcDate = sentAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        String unitCode = unit != null
                ? gazetteer.check("receiving_unit_code", unit, utcDate)
                : gazetteer.resolve(r.mapping().localityCountry(), locality, utcDate);
        String key = LoadedKeys.key(provider, txnId);
        String earlierFile = loaded.fileOf(provider, key);
        if (earlierFile != null) {
            throw new RowRejected(
                    Rule.DUPLICATE_LOADED,
                    "txn_id " + txnId + " of " + provider + " was already loaded from " + earlierFile);
        }
        int earlierLine = inFile.putIfAbsent(key, (int) r.line());
        if (earlierLine >= 0) {
            throw new RowRejected(
                    Rule.DUPLICATE_IN_FILE,
                    "txn_id " + txnId + " of " + provider + " was already accepted at line " + earlierLine);
        }
        // the all-arguments constructor: Avro's builder validates and copies every field again, per row
        return List.of(new RemittanceTransaction(
                txnId,
                provider,
                sentAt.toInstant(),
                sentAt.getOffset().getTotalSeconds() / 60,
                utcDate,
                Periods.month(utcDate),
                sender,
                unitCode,
                locality,
                amount,
                currency,
                fee,
                margin,
                channel,
                sourceId(r, "provider_id"),
                r.file(),
                r.line()));
    }
}
