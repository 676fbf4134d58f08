package org.mspportal.demo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Customer names in many scripts, as an MSP's customers really are: Japanese, Chinese, Korean,
 * Arabic, Hebrew, Cyrillic, Greek, Devanagari, accented Latin and a few emoji. The same seed gives
 * the same names, so every demo start shows the same portal.
 */
final class DemoNames {

    private static final List<List<String>> PATTERNS = List.of(
            List.of("株式会社 ", "東京", "大阪", "名古屋", "札幌", "福岡", "京都", "横浜", "仙台", "|", "データ", "システム",
                    "物流", "建設", "商事", "クラウド"),
            List.of("", "北京", "上海", "深圳", "杭州", "成都", "|", "数据科技有限公司", "云服务有限公司", "物流有限公司"),
            List.of("", "서울", "부산", "인천", "대전", "|", " 클라우드", " 데이터", " 물류", " 건설"),
            List.of("شركة ", "الخليج", "النور", "الأمل", "الريان", "الصحراء", "الواحة", "|", " للتقنية", " للتجارة",
                    " للخدمات", " القابضة"),
            List.of("", "אור", "גליל", "כרמל", "נגב", "|", " טכנולוגיות", " מערכות", " לוגיסטיקה"),
            List.of("ООО «", "Север", "Восток", "Волга", "Байкал", "Урал", "Нева", "|", " Технологии»", " Логистика»",
                    " Строй»", " Медиа»"),
            List.of("", "Αθήνα", "Ολυμπία", "Κρήτη", "Θεσσαλία", "|", " Δεδομένα Α.Ε.", " Πληροφορική Ε.Π.Ε."),
            List.of("", "मुंबई", "दिल्ली", "पुणे", "जयपुर", "|", " डेटा सर्विसेज", " टेक्नोलॉजीज़"),
            List.of("", "Café Crème", "Müller & Söhne", "Ångström", "Señor Núñez", "Łódź Tech", "Øresund", "Zürich Brücke",
                    "Crème Brûlée", "São Paulo Dados", "Kraków Żagiel", "Árvíztűrő", "Çağ Yazılım", "Šimůnek", "Bảo Tín",
                    "|", " SARL", " GmbH", " AB", " S.L.", " Sp. z o.o.", " ApS", " AG", " Ltda", " Kft.", " A.Ş.", " s.r.o."),
            List.of("", "Acme", "Northwind", "Blue Harbor", "Maple Leaf", "Summit", "Riverside", "Pioneer", "Harbor View",
                    "|", " Logistics", " Dental", " Legal LLP", " Clinics", " Architects", " Foods", " Media"));

    private static final List<String> WITH_EMOJI = List.of("Rocket Labs 🚀", "Café Lumière 🥐", "Blue Whale Storage 🐋",
            "Sunny Side Bakery ☀️", "Pixel Forge 🎮");

    private DemoNames() {
    }

    /** {@code count} different account names, the same for the same seed. */
    static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        Set<String> names = new LinkedHashSet<>(WITH_EMOJI);
        int attempts = 0;
        while (names.size() < count) {
            if (++attempts > count * 100) {
                throw new IllegalStateException("Too few name parts for " + count + " different names");
            }
            List<String> pattern = PATTERNS.get(random.nextInt(PATTERNS.size()));
            int split = pattern.indexOf("|");
            String place = pattern.get(1 + random.nextInt(split - 1));
            String kind = pattern.get(split + 1 + random.nextInt(pattern.size() - split - 1));
            names.add(pattern.get(0) + place + kind);
        }
        List<String> shuffled = new ArrayList<>(names);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, count);
    }

    /**
     * A password for the demo administrator, new at each fill: four groups of letters and digits
     * (about 95 bits), easy to copy from the console and far beyond the password policy's bar.
     */
    static String password() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 4; i++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return password.toString();
    }

    /** A plausible phone number for the name's script, for some of the customers. */
    static String phoneFor(String name, Random random) {
        String digits = String.format(Locale.ROOT, "%04d %04d", random.nextInt(10_000), random.nextInt(10_000));
        Character.UnicodeScript script = Character.UnicodeScript.of(name.codePointAt(0));
        if (name.startsWith("株式会社")) {
            return "+81 3 " + digits;
        }
        switch (script) {
            case HAN:
                return "+86 10 " + digits;
            case HANGUL:
                return "+82 2 " + digits;
            case ARABIC:
                return "+971 4 " + digits;
            case CYRILLIC:
                return "+7 495 " + digits;
            default:
                break;
        }
        return "+49 30 " + digits;
    }
}
