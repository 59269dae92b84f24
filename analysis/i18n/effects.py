"""Training effects (analysis/effects.py) and the Dampak Pelatihan page."""

STRINGS = {
    "effects.after_training": {"id": "Setelah {training}", "en": "After {training}"},
    "effects.after_any": {"id": "Setelah pelatihan", "en": "After training"},
    "effects.rose": {"id": "naik", "en": "rose"},
    "effects.fell": {"id": "turun", "en": "fell"},
    "effects.unchanged": {"id": "tidak berubah, selisih", "en": "was unchanged, by"},
    "effects.sentence": {
        "id": "{who}, skor {domain} {verb} {change} poin (IK 95% {lo} sampai {hi}, n = {teachers} guru, {n} pasangan).",
        "en": "{who}, {domain} {verb} by {change} points (95% CI {lo} to {hi}, n = {teachers} teachers, {n} pairs).",
    },
    "effects.sentence.too_few": {
        "id": "{who}, skor {domain}: {n} pasangan dari {teachers} guru saja (rata-rata perubahan {change} poin), terlalu sedikit untuk diuji.",
        "en": "{who}, {domain}: only {n} pairs from {teachers} teachers (mean change {change} points), too few to test.",
    },
    "effects.did_sentence": {
        "id": "Dibanding guru tanpa pelatihan pada periode yang sama, skor {domain} guru yang dilatih berubah {did} poin {direction} (IK 95% {lo} sampai {hi}; {nt} pasangan dilatih, {nc} pembanding).",
        "en": "Compared with untrained teachers over the same period, trained teachers' {domain} changed by {did} points {direction} (95% CI {lo} to {hi}; {nt} trained pairs, {nc} comparison pairs).",
    },
    "effects.did.more": {"id": "lebih besar", "en": "more"},
    "effects.did.less": {"id": "lebih kecil", "en": "less"},
    "effects.did.too_few": {
        "id": "{domain}: terlalu sedikit pasangan untuk selisih perubahan ({nt} dilatih, {nc} pembanding).",
        "en": "{domain}: too few pairs for a difference in differences ({nt} trained, {nc} comparison).",
    },
    "effects.group.unknown": {"id": "Jenis tidak diketahui", "en": "Type unknown"},
    "effects.jp.unknown": {"id": "JP tidak diketahui", "en": "JP unknown"},
    "effects.includes_zero": {
        "id": "Interval memuat nol: perubahan ini belum dapat dibedakan dari tidak ada perubahan.",
        "en": "The interval includes zero: this change cannot be told apart from no change.",
    },
}
