// Java's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, groovy, put, q, randomTree, replace, xml } from '../../../../test/ecosystem-cases.js';

export const cases: EcosystemCases = {
  language: 'java',
  manifest: 'pom.xml',
  project: {
    'pom.xml': '<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>app</artifactId>\n  <version>1.0.0</version>\n</project>\n',
    'src/main/java/com/example/Main.java': 'package com.example;\n\npublic class Main {\n  public static void main(String[] args) {}\n}\n',
  },
  fixture: 'java-plain-jar-maven',
  ignored: ['target/app.jar', 'build/libs/app.jar', '.gradle/caches/x', '.m2/settings.xml', '.npmrc'],
  sources: ['pom.xml', 'src/main/java/A.java'],
  hostile: [
    // Maven
    { field: 'pom artifactId', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: 'greeter', edits: (v) => ({ 'pom.xml': replace('<artifactId>plain-jar-maven</artifactId>', `<artifactId>${xml(v)}</artifactId>`) }) },
    { field: 'pom version', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: '2.0.0', edits: (v) => ({ 'pom.xml': replace('<version>1.0.0</version>', `<version>${xml(v)}</version>`) }) },
    { field: 'pom finalName', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: 'app', edits: (v) => ({ 'pom.xml': replace('<build>', `<build>\n    <finalName>${xml(v)}</finalName>`) }) },
    { field: 'pom property (main class)', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: 'com.example.hello.Main', edits: (v) => ({ 'pom.xml': replace('<main.class>com.example.hello.Main</main.class>', `<main.class>${xml(v)}</main.class>`) }) },
    { field: 'pom property (compiler release)', fixture: 'java-plain-jar-maven', file: 'pom.xml', benign: '21', edits: (v) => ({ 'pom.xml': replace('<maven.compiler.release>21</maven.compiler.release>', `<maven.compiler.release>${xml(v)}</maven.compiler.release>`) }) },
    { field: 'pom start-class', fixture: 'java-maven-spring-boot', file: 'pom.xml', benign: 'com.example.demo.DemoApplication', edits: (v) => ({ 'pom.xml': replace('<properties>', `<properties>\n    <start-class>${xml(v)}</start-class>`) }) },
    { field: 'application.properties server.port', fixture: 'java-maven-spring-boot', file: /application\.properties/, benign: '8081', port: true, edits: (v) => ({ 'src/main/resources/application.properties': `server.port=${v}\n` }) },
    { field: 'application.yml server.port', fixture: 'java-gradle-spring-boot-kts', file: /application\.yml/, benign: '8081', port: true, edits: (v) => ({ 'src/main/resources/application.yml': `server:\n  port: ${q(v)}\n` }) },
    // Gradle
    { field: 'Gradle application mainClass', fixture: 'java25-gradle-application', file: /build\.gradle/, benign: 'com.example.hello.Main', edits: (v) => ({ 'build.gradle': replace("mainClass = 'com.example.hello.Main'", `mainClass = '${groovy(v)}'`) }) },
    { field: 'Gradle toolchain languageVersion', fixture: 'java25-gradle-application', file: /build\.gradle/, benign: '21', edits: (v) => ({ 'build.gradle': replace('JavaLanguageVersion.of(25)', `JavaLanguageVersion.of('${groovy(v)}')`) }) },
    { field: 'Gradle rootProject.name', fixture: 'java25-gradle-application', file: /settings\.gradle/, benign: 'greeter', edits: (v) => ({ 'settings.gradle': `rootProject.name = '${groovy(v)}'\n` }) },
    { field: 'Gradle version', fixture: 'java25-gradle-application', file: /build\.gradle/, benign: '1.2.3', edits: (v) => ({ 'build.gradle': (old) => `${old}\nversion = '${groovy(v)}'\n` }) },
    { field: 'Gradle archiveFileName', path: () => null, fixture: 'java25-gradle-application', file: /build\.gradle/, benign: 'app.jar', edits: (v) => ({ 'build.gradle': (old) => `${old}\njar {\n    archiveFileName = '${groovy(v)}'\n}\n` }) },
    { field: 'gradle.properties version', fixture: 'java25-gradle-application', file: /gradle\.properties/, benign: '1.2.3', edits: (v) => ({ 'gradle.properties': `version=${v}\n` }) },
    { field: '.java-version', fixture: 'java25-gradle-application', file: /\.java-version|build\.gradle/, benign: '25', edits: (v) => ({ '.java-version': `${v}\n` }) },
  ],
  variablePaths: [],
  malformed: [
    { what: 'pom.xml (unclosed tag)', fixture: 'java-plain-jar-maven', edits: { 'pom.xml': '<?xml version="1.0"?>\n<project>\n  <artifactId>x</artifactId>\n  <build>\n</project>\n' }, message: /pom\.xml is not well-formed XML \(line \d+\)/ },
    { what: 'pom.xml (not a POM)', fixture: 'java-plain-jar-maven', edits: { 'pom.xml': '<?xml version="1.0"?>\n<settings/>\n' }, message: /pom\.xml has no <project> element/ },
    { what: 'application.yml', fixture: 'java-gradle-spring-boot-kts', edits: { 'src/main/resources/application.yml': 'server:\n  port: [8080\n' }, message: /application\.yml is not valid YAML/ },
    { what: 'gradle/libs.versions.toml', fixture: 'java-gradle-spring-boot-kts', edits: { 'gradle/libs.versions.toml': '[versions]\nspring = "3.4\n' }, message: /libs\.versions\.toml is not valid TOML \(line \d+\)/ },
    { what: 'pom.xml (Latin-1)', fixture: 'java-plain-jar-maven', edits: { 'pom.xml': Buffer.from('<?xml version="1.0"?>\n<project><name>caf\xe9</name></project>\n', 'latin1') }, message: /pom\.xml is not valid UTF-8/ },
  ],
  textFiles: [
    { what: 'a build.gradle that is not Gradle at all', fixture: 'java25-gradle-application', edits: { 'build.gradle': '}}}{{{ plugins { id \'application\' \n application { mainClass = \n' } },
  ],
  randomTree: randomTree({
    benign: { artifact: 'app', version: '1.0.0', finalName: 'app', mainClass: 'com.example.Main', release: '21', port: '8080' },
    structural: ['release', 'finalName', 'version', 'artifact'],
    optional: ['finalName', 'application.properties', 'gradle'],
    tree: (v, m, g) => {
      const finalName = m.finalName === 'template' ? `<finalName>${xml(v.finalName)}</finalName>` : m.finalName === 'garbage' ? `<finalName>${xml(g)}</finalName>` : '';
      const files: Record<string, string> = {
        'src/main/java/com/example/Main.java': 'package com.example;\n\npublic class Main {\n  public static void main(String[] args) {}\n}\n',
      };
      if (m.gradle === 'absent') {
        files['pom.xml'] = `<?xml version="1.0"?>\n<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>${xml(v.artifact)}</artifactId>\n  <version>${xml(v.version)}</version>\n  <properties>\n    <maven.compiler.release>${xml(v.release)}</maven.compiler.release>\n    <main.class>${xml(v.mainClass)}</main.class>\n  </properties>\n  <build>${finalName}\n    <plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifest><mainClass>\${main.class}</mainClass></manifest></archive></configuration></plugin></plugins>\n  </build>\n</project>\n`;
      } else {
        // Only backslashes and single quotes escaped: a raw newline or double quote stays in (garbage the parser must survive).
        const quoted = (value: string) => value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
        put(files, 'build.gradle', m.gradle!, `plugins { id 'application' }\nversion = '${quoted(v.version)}'\njava { toolchain { languageVersion = JavaLanguageVersion.of(${quoted(v.release)}) } }\napplication { mainClass = '${quoted(v.mainClass)}' }\n`, g);
        files['settings.gradle'] = `rootProject.name = '${quoted(v.artifact)}'\n`;
      }
      put(files, 'src/main/resources/application.properties', m['application.properties']!, `server.port=${v.port}\n`, g);
      return files;
    },
  }),
  e2e: [
    {
      id: 'java-distroless',
      dependencies: false,
      fixture: 'java-javac-http',
      args: [],
      base: 'distroless',
      touch: { file: 'src/main/java/com/example/hello/Main.java', comment: '// e2e change' },
      what: 'Java 21 plain javac, distroless',
    },
  ],
};
