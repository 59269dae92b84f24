"""Training effects (analysis/effects.py) and the Dampak Pelatihan page."""

STRINGS = {
    "effects.after_training": {"id": "Setelah {training}", "en": "After {training}"},
    "effects.after_any": {"id": "Setelah pelatihan", "en": "After training"},
    "effects.rose": {"id": "naik", "en": "rose"},
    "effects.fell": {"id": "turun", "en": "fell"},
    "effects.unchanged": {"id": "tidak berubah, selisih", "en": "was unchanged, by"},
    "effects.sentence": {
        "id": "{who}, skor {domain} {verb} {change} poin (IK 95% {lo} sampai {hi}, n = {n}).",
        "en": "{who}, {domain} {verb} by {change} points (95% CI {lo} to {hi}, n = {n}).",
    },
    "effects.sentence.too_few": {
        "id": "{who}, skor {domain}: {n} pasangan saja (rata-rata perubahan {change} poin), terlalu sedikit untuk diuji.",
        "en": "{who}, {domain}: only {n} pairs (mean change {change} points), too few to test.",
    },
    "effects.includes_zero": {
        "id": "Interval memuat nol: perubahan ini belum dapat dibedakan dari tidak ada perubahan.",
        "en": "The interval includes zero: this change cannot be told apart from no change.",
    },
}
