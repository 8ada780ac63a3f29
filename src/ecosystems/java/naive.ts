// The Dockerfile a person writes first for a Java app (--compare builds it only to measure it):
// the JDK or build-tool image, the whole project, the build, `java -jar` through a shell glob.
// https://hub.docker.com/_/eclipse-temurin, https://hub.docker.com/_/maven, https://hub.docker.com/_/gradle
import type { NaiveInput } from '../../ecosystem.js';

export function naiveJava(input: NaiveInput): string[] {
  const v = input.runtimeVersion;
  const lines = (from: string, build: string, jar: string) => [
    `FROM ${from}`,
    'WORKDIR /usr/src/app',
    'COPY . .',
    `RUN ${build}`,
    `CMD ["sh", "-c", "java -jar ${jar}"]`,
  ];
  if (input.packageManager === 'maven') {
    return input.has('mvnw')
      ? lines(`eclipse-temurin:${v}`, './mvnw -B package -DskipTests', 'target/*.jar')
      : lines(`maven:3-eclipse-temurin-${v}`, 'mvn -B package -DskipTests', 'target/*.jar');
  }
  if (input.packageManager === 'gradle') {
    return input.has('gradlew')
      ? lines(`eclipse-temurin:${v}`, './gradlew build -x test', 'build/libs/*.jar')
      : lines(`gradle:jdk${v}`, 'gradle build -x test', 'build/libs/*.jar');
  }
  // Plain sources: compile the main source tree (tests need a test framework), as a first try would.
  const sources = input.has('src/main/java') ? 'src/main/java' : '.';
  return [
    `FROM eclipse-temurin:${v}`,
    'WORKDIR /usr/src/app',
    'COPY . .',
    `RUN mkdir -p out && javac -d out $(find ${sources} -name "*.java" -not -path "./out/*")`,
    'CMD ["java", "-cp", "out", "Main"]',
  ];
}
