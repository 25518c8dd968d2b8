// Name pools for the benchmark datasets: international, with accents, apostrophes and
// multi-word names, so prefix searches behave as they would on real data. About 120 × 200
// combinations keep "First Last" searches selective even at 100k candidates.

export const BENCH_FIRST_NAMES = [
  "Aaliyah", "Aarav", "Abigail", "Adrián", "Agnieszka", "Ahmed", "Aidan", "Aiko", "Alejandro", "Aleksandra",
  "Alessandro", "Alexander", "Amara", "Amélie", "Ana María", "Anders", "Andreea", "Anja", "Anna", "Antoine",
  "Aoife", "Arjun", "Astrid", "Ayşe", "Beatriz", "Benedikt", "Björn", "Bruno", "Camille", "Carla",
  "Carlos", "Caroline", "Chen", "Chiara", "Chloé", "Christian", "Clara", "Daniel", "Daniela", "David",
  "Diego", "Dmitri", "Elena", "Élodie", "Emil", "Emily", "Emma", "Erik", "Fatima", "Felix",
  "Filip", "Francesca", "François", "Freya", "Gabriel", "Giulia", "Greta", "Hannah", "Hélène", "Henrik",
  "Hiroshi", "Ibrahim", "Ida", "Inês", "Ingrid", "Isabel", "Ivan", "Jakub", "Jan", "Javier",
  "Jonas", "Jörg", "José", "Joaquín", "Julia", "Jürgen", "Kai", "Karin", "Kateřina", "Katharina",
  "Lars", "Laura", "Lea", "Leon", "Lucía", "Luca", "Łukasz", "Maëlle", "Magnus", "Maja",
  "Małgorzata", "Marco", "Maria", "Marie", "Mateo", "Mehmet", "Mia", "Mikael", "Nadia", "Niamh",
  "Nikolai", "Noah", "Nora", "Nuño", "Oğuz", "Olivia", "Oscar", "Paula", "Pedro", "Priya",
  "Radosław", "Rafael", "Renée", "Sara", "Siobhán", "Sofia", "Søren", "Stéphane", "Tomáš", "Zoë",
] as const;

export const BENCH_LAST_NAMES = [
  "Abadi", "Adeyemi", "Alonso", "Andersen", "Arslan", "Bäcker", "Bauer", "Becker", "Bergmann", "Bernard",
  "Blanco", "Bonnet", "Brandt", "Brontë", "Brun", "Castillo", "Çelik", "Chen", "Costa", "D'Angelo",
  "Da Silva", "De Jong", "Dekker", "Demir", "Dubois", "Dvořák", "Eriksson", "Esposito", "Fernández", "Fischer",
  "Fontaine", "Fournier", "Friedrich", "Gallo", "García-López", "Garnier", "Gauthier-Blanc", "Giordano", "Gonçalves", "González",
  "Graf", "Greco", "Haas", "Hahn", "Hansen", "Hartmann", "Hofmann", "Horváth", "Huber", "Ivanova-Smith",
  "Jansen", "Jensen", "Johansson", "Kaiser", "Kaya", "Keller", "Klein", "Koch", "Kovács", "Kowalczyk",
  "Kowalski", "Krause", "Kuhn", "Lambert", "Lang", "Larsen", "Laurent", "Le Guen", "Lefèvre", "Lehmann",
  "Lévesque", "Lindberg", "Lombardi", "López", "Lorenz", "Ludwig", "Maier", "Marchetti", "Martin", "Martínez",
  "McAllister", "Meier", "Mercier", "Meyer", "Molina", "Moreau", "Moreno", "Müller", "Navarro", "Ní Bhriain",
  "Nielsen", "Novák", "Novotná", "Núñez", "O'Brien", "O'Connor", "Ó Súilleabháin", "Ødegaard", "Olsen", "Ortiz",
  "Öztürk", "Papadopoulos", "Pedersen", "Peña", "Pereira", "Perez", "Petit", "Petrov", "Pohl", "Popescu",
  "Quintero", "Ramos", "Ricci", "Richter", "Rivera", "Roth", "Rousseau", "Rubio", "Russo", "Sánchez",
  "Santos", "Sauer", "Schäfer", "Schmid", "Schmidt", "Schneider", "Schröder", "Schulz", "Schwarz", "Sommer",
  "Sørensen", "Stein", "Suárez", "Svensson", "Szabó", "Takahashi", "Tanaka", "Thomas", "Torres", "Vogel",
  "Vogt", "Wagner", "Walter", "Weber", "Weiß", "Werner", "Wójcik", "Wolf", "Yamamoto", "Yılmaz",
  "Zieliński", "Zimmermann", "Nakamura", "Lindqvist", "Håkansson", "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Lehtonen",
  "Kristiansen", "Halvorsen", "Berg", "Bergström", "Lund", "Holm", "Dahl", "Strand", "Moen", "Bakke",
  "Rossi", "Romano", "Colombo", "Ferrari", "Bianchi", "Conti", "De Luca", "Mancini", "Costa e Silva", "Oliveira",
  "Rodrigues", "Almeida", "Carvalho", "Ribeiro", "Teixeira", "Kowalewska", "Nowak", "Wiśniewski", "Kamiński", "Lewandowski",
  "Dąbrowski", "Mazur", "Krawczyk", "Jankowski", "Nagy", "Tóth", "Varga", "Kiss", "Molnár", "Németh",
] as const;
