"""Training effects (analysis/metrics/effects.py) and the Dampak Pelatihan page."""

STRINGS = {
    "effects.after_training": {"id": "Setelah {training}", "en": "After {training}"},
    "effects.after_any": {"id": "Setelah pelatihan", "en": "After training"},
    "effects.rose": {"id": "naik", "en": "rose"},
    "effects.fell": {"id": "turun", "en": "fell"},
    "effects.unchanged": {"id": "berubah", "en": "changed"},
    "effects.sentence": {
        "id": "{who}, skor {domain} {verb} {change} poin (IK 95% {lo} sampai {hi}, n = {teachers} guru, {n} pasangan).",
        "en": "{who}, {domain} {verb} by {change} points (95% CI {lo} to {hi}, n = {teachers} teachers, {n} pairs).",
    },
    "effects.sentence.too_few": {
        "id": "{who}, skor {domain}: {n} pasangan dari {teachers} guru saja (rata-rata perubahan {change} poin), terlalu sedikit untuk diuji.",
        "en": "{who}, {domain}: only {n} pairs from {teachers} teachers (mean change {change} points), too few to test.",
    },
    "effects.did_sentence": {
        "id": "Dibanding guru tanpa pelatihan pada periode yang sama, skor {domain} guru yang dilatih berubah {value} poin {direction} (IK 95% {lo} sampai {hi}, t dengan {df} derajat bebas, {g} klaster {cluster}; {nt} pasangan dilatih, {nc} pembanding).",
        "en": "Compared with untrained teachers over the same period, trained teachers' {domain} changed by {value} points {direction} (95% CI {lo} to {hi}, t on {df} df, {g} {cluster} clusters; {nt} trained pairs, {nc} comparison pairs).",
    },
    "effects.did.more": {"id": "lebih besar", "en": "more"},
    "effects.did.less": {"id": "lebih kecil", "en": "less"},
    "effects.did.too_few": {
        "id": "{domain}: terlalu sedikit pasangan atau klaster untuk selisih perubahan ({nt} dilatih, {nc} pembanding).",
        "en": "{domain}: too few pairs or clusters for a difference in differences ({nt} trained, {nc} comparison).",
    },
    "effects.group.unknown": {"id": "Jenis tidak diketahui", "en": "Type unknown"},
    "effects.jp.unknown": {"id": "JP tidak diketahui", "en": "JP unknown"},
    "effects.includes_zero": {
        "id": "Interval memuat nol: perubahan ini belum dapat dibedakan dari tidak ada perubahan.",
        "en": "The interval includes zero: this change cannot be told apart from no change.",
    },
    "effects.ceiling_note": {
        "id": "{share} skor sesudah berada di plafon 100: skala tidak dapat menunjukkan seberapa jauh skor naik, jadi plafon membatasi ukuran ini dan ukuran efeknya tidak dibaca sebagai besar efek.",
        "en": "{share} of the post scores are at the ceiling of 100: the scale cannot show how far they rose, so the ceiling limits this measure and its effect size is not read as a size of effect.",
    },
    "effects.flag.ceiling": {"id": "{value} (plafon)", "en": "{value} (ceiling)"},
    "effects.wilcoxon.exact": {"id": "eksak", "en": "exact"},
    "effects.wilcoxon.normal": {"id": "normal, koreksi ties, tanpa koreksi kontinuitas", "en": "normal, tie-corrected, no continuity correction"},
    "effects.cluster.teacher": {"id": "guru", "en": "teacher"},
    "effects.cluster.school": {"id": "sekolah", "en": "school"},
    "effects.ancova_sentence": {
        "id": "Uji kepekaan (ANCOVA, sesudah ~ sebelum + dilatih): pada skor awal yang sama, skor {domain} guru yang dilatih {value} poin {direction} (IK 95% {lo} sampai {hi}, t dengan {df} derajat bebas, {g} klaster {cluster}).",
        "en": "Sensitivity (ANCOVA, post ~ pre + trained): at equal pre scores, trained teachers' {domain} is {value} points {direction} (95% CI {lo} to {hi}, t on {df} df, {g} {cluster} clusters).",
    },
    "effects.ancova.higher": {"id": "lebih tinggi", "en": "higher"},
    "effects.ancova.lower": {"id": "lebih rendah", "en": "lower"},
    "effects.ancova.too_few": {
        "id": "{domain}: terlalu sedikit pasangan atau klaster untuk ANCOVA.",
        "en": "{domain}: too few pairs or clusters for the ANCOVA.",
    },
    "effects.caveat": {
        "id": "Catatan: skor diberikan oleh penilai masing-masing sekolah, tidak diseragamkan antarsekolah; guru yang ikut pelatihan tidak dipilih secara acak; angka ini menggambarkan perubahan yang teramati, bukan bukti bahwa pelatihan menyebabkannya.",
        "en": "Note: scores are given by each school's own assessor, not harmonised across schools; teachers were not assigned to training at random; these figures describe the change observed, not proof that the training caused it.",
    },
    "effects.col.p_holm": {"id": "p Holm (4 domain)", "en": "p Holm (4 domains)"},
    "effects.col.wilcoxon_method": {"id": "Metode Wilcoxon", "en": "Wilcoxon method"},
    "effects.col.pre_ceiling": {"id": "Sebelum di plafon", "en": "Pre at ceiling"},
    "effects.col.post_ceiling": {"id": "Sesudah di plafon", "en": "Post at ceiling"},
    "effects.col.n_clusters": {"id": "Klaster (G)", "en": "Clusters (G)"},
    "effects.col.df": {"id": "Derajat bebas (G − 1)", "en": "df (G − 1)"},
    "effects.col.estimate": {"id": "Estimasi (ANCOVA)", "en": "Estimate (ANCOVA)"},
    "effects.col.tertile": {"id": "Sepertiga skor awal", "en": "Baseline third"},
    "effects.col.pre_low": {"id": "Skor awal terendah", "en": "Lowest pre score"},
    "effects.col.pre_high": {"id": "Skor awal tertinggi", "en": "Highest pre score"},
    "effects.tertile.low": {"id": "Bawah", "en": "Low"},
    "effects.tertile.middle": {"id": "Tengah", "en": "Middle"},
    "effects.tertile.high": {"id": "Atas", "en": "High"},
    "effects.section.tertile": {"id": "Menurut skor awal (sepertiga)", "en": "By baseline score (thirds)"},
    "effects.tertile.caption": {
        "id": "Rata-rata perubahan per sepertiga skor sebelum pelatihan (per guru). Yang awalnya rendah naik lebih banyak dan yang tinggi lebih sedikit juga terjadi karena regresi ke rata-rata dan plafon, tanpa pelatihan; baca bersama baris ANCOVA.",
        "en": "Mean change per third of the pre-training score (per teacher). Low starters gaining more and high starters less also follows from regression to the mean and the ceiling, without any training; read beside the ANCOVA line.",
    },
    "effects.did.caption": {
        "id": "Guru pembanding: dua penilaian berurutan tanpa pelatihan di antaranya, pada periode yang sama. Selisih perubahan (difference-in-differences, OLS skor ~ dilatih × sesudah) dan, sebagai uji kepekaan terhadap perbedaan skor awal, ANCOVA (sesudah ~ sebelum + dilatih); galat baku dikelompokkan per {cluster}, IK dengan t pada G − 1 derajat bebas (statsmodels).",
        "en": "Comparison teachers: two consecutive assessments with no training between them, over the same period. Difference in differences (OLS score ~ trained × after) and, as a sensitivity check for baseline imbalance, ANCOVA (post ~ pre + trained); standard errors clustered by {cluster}, CIs from t on G − 1 degrees of freedom (statsmodels).",
    },
    "effects.cluster.choice": {"id": "Klaster galat baku", "en": "Cluster standard errors by"},
    "effects.cluster.help": {
        "id": "Guru: tiap guru satu klaster. Sekolah: guru satu sekolah menilai dan dinilai bersama, jadi galatnya bisa berkorelasi; dengan sedikit sekolah IK melebar (t pada G − 1).",
        "en": "Teacher: each teacher is a cluster. School: teachers of one school are rated together, so their errors may correlate; with few schools the CI widens (t on G − 1).",
    },
    "effects.by_type.caption": {
        "id": 'Pasangan yang diapit beberapa jenis pelatihan dihitung sekali, dalam kelompok gabungannya (mis. "Diklat + MGMP"), tidak sebagai efek tiap jenis. p Holm: p uji-t disesuaikan untuk empat domain dalam satu kelompok.',
        "en": 'A pair around trainings of several types counts once, in its combination (e.g. "Diklat + MGMP"), never as the effect of each type. Holm p: the t-test p adjusted over the four domains of a group.',
    },
    "chart.effects.ceiling": {"id": "sesudah di plafon", "en": "post at ceiling"},
    "effects.answer.ci": {"id": "{lo} s.d. {hi}", "en": "{lo} to {hi}"},
    "effects.col.training": {"id": "Pelatihan", "en": "Training"},
    "dampak.answer.legend": {
        "id": "Tiap sel: perubahan rata-rata (poin) dan IK 95% dalam kurung. ▲ naik (seluruh interval di atas 0), ▼ turun (seluruh interval di bawah 0), ≈ belum jelas (interval memuat 0), · terlalu sedikit guru untuk diuji; * sebagian besar skor sesudah di plafon 100.",
        "en": "Each cell: mean change (points) and its 95% CI in brackets. ▲ rose (the whole interval above 0), ▼ fell (the whole interval below 0), ≈ unclear (the interval includes 0), · too few teachers to test; * most post scores at the ceiling of 100.",
    },
    "dampak.answer.untested": {
        "id": "{n} kelompok jenis atau gabungan lain terlalu sedikit gurunya untuk diuji; angkanya ada di rincian uji.",
        "en": "{n} other types or combinations had too few teachers to test; their figures are in the test details.",
    },
    "dampak.section.answer": {"id": "Jawaban per jenis pelatihan dan ranah", "en": "The answer per training type and domain"},
    "dampak.answer.caption": {
        "id": "Rata-rata perubahan skor (0–100) dari penilaian sebelum ke sesudah pelatihan, per guru, dengan interval kepercayaan 95%. Naik atau turun hanya bila seluruh interval berada di satu sisi nol. Rincian metode, pembanding dan tabel per kelompok ada di bagian yang dapat dibuka di bawah.",
        "en": "Mean change in score (0–100) from the assessment before to the one after a training, per teacher, with its 95% confidence interval. Rose or fell only when the whole interval lies on one side of zero. Method details, the comparison group and per-group tables are in the sections below.",
    },
    "dampak.more.did": {
        "id": "Dibanding guru tanpa pelatihan (selisih perubahan, ANCOVA)",
        "en": "Against teachers without training (difference in differences, ANCOVA)",
    },
    "dampak.more.tertile": {"id": "Menurut skor awal (sepertiga)", "en": "By baseline score (thirds)"},
    "dampak.more.by_jp": {"id": "Menurut total JP (<30, 30–79, 80+)", "en": "By total JP (<30, 30–79, 80+)"},
    "dampak.more.details": {
        "id": "Rincian uji: semua pelatihan dan per jenis (p, Wilcoxon, ukuran efek, plafon)",
        "en": "Test details: all trainings and by type (p, Wilcoxon, effect sizes, ceiling)",
    },
    "dampak.more.sentences": {"id": "Dibaca dalam kalimat", "en": "Read as sentences"},
}
